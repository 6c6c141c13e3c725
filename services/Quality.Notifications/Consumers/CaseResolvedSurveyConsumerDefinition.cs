using MassTransit;

namespace Quality.Notifications.Consumers;

public sealed class CaseResolvedSurveyConsumerDefinition : ConsumerDefinition<CaseResolvedSurveyConsumer>
{
    public CaseResolvedSurveyConsumerDefinition()
    {
        EndpointName = "notifications-case-resolved-survey";
        ConcurrentMessageLimit = 16;
    }
}
