using System.ComponentModel.DataAnnotations;

namespace Quality.Intake.Features.ClassifierModels;

/// <param name="HoldoutFraction">The share of the labelled examples kept aside to score the model.</param>
/// <param name="ActivateAtAccuracy">Activate the model as soon as it is trained if it scores at least this; omit to decide yourself.</param>
public sealed record TrainModelRequest(
    [property: Range(0.05, 0.5)] double HoldoutFraction = 0.2,
    [property: Range(0.0, 1.0)] double? ActivateAtAccuracy = null);
