using MassTransit;

namespace Quality.Scoring.Consumers;

public sealed class SurveyAnsweredConsumerDefinition : ConsumerDefinition<SurveyAnsweredConsumer>
{
    public SurveyAnsweredConsumerDefinition()
    {
        EndpointName = "scoring-survey-answered";
        ConcurrentMessageLimit = 16;
    }
}
