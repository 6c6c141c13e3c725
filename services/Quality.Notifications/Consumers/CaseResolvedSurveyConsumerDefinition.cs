using Microsoft.Extensions.Options;
using Quality.Messaging.Batching;
using Quality.Notifications.Features.Surveys;

namespace Quality.Notifications.Consumers;

/// <summary>The queue <c>notifications-case-resolved-survey</c>, taken in batches.</summary>
public sealed class CaseResolvedSurveyConsumerDefinition(IOptions<SurveyBatchOptions> batches)
    : BatchConsumerDefinition<CaseResolvedSurveyConsumer>("notifications-case-resolved-survey", batches.Value);
