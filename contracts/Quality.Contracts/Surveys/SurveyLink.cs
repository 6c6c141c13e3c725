using Quality.Contracts.Intake;

namespace Quality.Contracts.Surveys;

/// <summary>What a survey invitation link grants: one answer of one survey type about one case, until it expires.</summary>
/// <param name="FeedbackId">The feedback the case was opened from: whose customer the answer belongs to.</param>
/// <param name="Nonce">Random and unique per invitation; the receiver records it to make the link one-time.</param>
public sealed record SurveyLink(Guid CaseId, Guid FeedbackId, SurveyType Type, DateTimeOffset ExpiresAt, string Nonce);
