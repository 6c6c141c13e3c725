using System.ComponentModel.DataAnnotations;

namespace Quality.Intake.Features.ClassifierModels;

/// <summary>How often a replica looks for queued training and for a newly activated model.</summary>
public sealed class ClassifierOptions
{
    public const string SectionName = "Classifier";

    /// <summary>How long after another replica activates a model this one starts using it, at most.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ModelRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan TrainingPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A run still "training" after this is taken to have died with its replica and is picked up again.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TrainingTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
