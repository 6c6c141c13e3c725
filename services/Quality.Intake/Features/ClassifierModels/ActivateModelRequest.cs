using System.ComponentModel.DataAnnotations;

namespace Quality.Intake.Features.ClassifierModels;

public sealed record ActivateModelRequest([property: Required] Guid? ModelId);
