using MassTransit;

namespace Quality.Notifications.Consumers;

public sealed class CaseReopenedSurveyConsumerDefinition : ConsumerDefinition<CaseReopenedSurveyConsumer>
{
    public CaseReopenedSurveyConsumerDefinition()
    {
        EndpointName = "notifications-case-reopened-survey";
        ConcurrentMessageLimit = 16;
    }
}
