using Quality.Messaging.Batching;

namespace Quality.Notifications.Features.Surveys;

/// <summary>How resolved cases are taken in batches to decide their survey invitations (see <see cref="MessageBatchOptions"/>).</summary>
public sealed class SurveyBatchOptions : MessageBatchOptions
{
    public const string SectionName = "Notifications:ResolvedCases";
}
