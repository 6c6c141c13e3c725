using Quality.Intake.Features.Feedback;

namespace Quality.Intake.Features.Imports;

/// <summary>One row read from a file: the item it describes, or why it could not be read.</summary>
public sealed record ImportRow(long Row, SubmitFeedbackRequest? Request, string? Error)
{
    public static ImportRow Read(long row, SubmitFeedbackRequest request) => new(row, request, null);

    public static ImportRow Unreadable(long row, string error) => new(row, null, error);
}
