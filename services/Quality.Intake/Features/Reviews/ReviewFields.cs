namespace Quality.Intake.Features.Reviews;

/// <summary>What a source's payload said, read through its mapping.</summary>
public sealed record ReviewFields(
    string ExternalId, string Text, double? Rating, string? Author, DateTimeOffset? CreatedAt, string? Language);
