using System.Text.Json.Serialization;
using Quality.Contracts.Intake;

namespace Quality.Intake.Features.Feedback;

/// <summary>One item's outcome: stored (or recognised as a duplicate) with its classification, or its errors.</summary>
public sealed record BatchItemResult(int Index)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Guid? FeedbackId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Duplicate { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FeedbackKind? Kind { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Category { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Severity { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    public static BatchItemResult Stored(int index, SubmitFeedbackResponse response) => new(index)
    {
        FeedbackId = response.FeedbackId,
        Duplicate = response.Duplicate,
        Kind = response.Kind,
        Category = response.Category,
        Severity = response.Severity,
    };
}
