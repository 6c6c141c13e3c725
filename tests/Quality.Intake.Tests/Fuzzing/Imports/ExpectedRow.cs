using Quality.Intake.Features.Feedback;

namespace Quality.Intake.Tests.Fuzzing.Imports;

/// <summary>What the reader must answer for one row: the item it describes, or a rejection whose reason contains <see cref="Reason"/>.</summary>
internal sealed record ExpectedRow(long Row, SubmitFeedbackRequest? Request, string? Reason);
