using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Quality.Contracts;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;
using Quality.Messaging;
using Quality.Scoring.Benchmark.Connections;
using Quality.Scoring.Benchmark.Traffic;

namespace Quality.Scoring.Benchmark.Transport;

/// <summary>
/// The ceiling the transport alone puts on folding on this machine: a plan's events, published exactly as the fold
/// stage publishes them, consumed through MassTransit on RabbitMQ the way Scoring receives them (a durable queue per
/// event type, Scoring's concurrent message limit, the services' retry filter, a scoped consumer per message) by
/// consumers that only count. Scoring sees none of them: the queues are the run's own, bound to no event exchange and
/// published to directly, and go away with the stage's bus (auto-delete).
/// </summary>
public sealed class TransportStage(EventPublisher publisher, Uri rabbitMqUri, TimeSpan timeout)
{
    /// <summary>Scoring's <c>Scoring:Facts</c> defaults: batches of 100, two at a time, so 200 messages let in per queue.</summary>
    private const int ScoringConcurrentMessages = 200;

    private static readonly Type[] ScoringEvents =
    [
        typeof(CaseOpened), typeof(CaseAssigned), typeof(CaseResponded), typeof(CaseResolved), typeof(CaseReopened), typeof(FeedbackReceived),
        typeof(SurveyAnswered),
    ];

    public async Task<TransportResult> RunAsync(string runId, TrafficPlan? warmUp, TrafficPlan plan, Action<string> progress, CancellationToken ct)
    {
        var queues = ScoringEvents.ToDictionary(t => t, t => $"{runId}-transport-{KebabCaseEndpointNameFormatter.Instance.SanitizeName(t.Name)}");
        var count = new ConsumedCount();
        await using var services = Services(queues, count);
        var bus = services.GetRequiredService<IBusControl>();
        await bus.StartAsync(ct);
        try
        {
            if (warmUp is not null)
            {
                var warmed = await PublishAndConsumeAsync(warmUp, queues, count, ct);
                progress(warmed.Complete ? $"  transport warm-up consumed in {warmed.ConsumedSeconds:0.0} s" : "  transport warm-up NOT complete");
            }

            return await PublishAndConsumeAsync(plan, queues, count, ct);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    private async Task<TransportResult> PublishAndConsumeAsync(TrafficPlan plan, Dictionary<Type, string> queues, ConsumedCount count, CancellationToken ct)
    {
        var consumed = count.Expect(plan.Events.Count);
        var start = Clock.Now;
        var published = await PlanPublication.PublishAsync(publisher, plan, null, start, ct, type => queues[type]);
        var complete = await Task.WhenAny(consumed, Task.Delay(timeout, ct)) == consumed;
        return new TransportResult
        {
            Events = plan.Events.Count,
            PublishSeconds = published,
            ConsumedSeconds = complete ? Clock.MillisecondsSince(start) / 1000 : double.NaN,
            Complete = complete,
            LoadAfter = MachineInfo.LoadAverageNow(),
        };
    }

    private ServiceProvider Services(Dictionary<Type, string> queues, ConsumedCount count)
    {
        var services = new ServiceCollection();
        services.AddSingleton(count);
        services.AddMassTransit(bus =>
        {
            bus.ConfigureUsageTelemetryOptions(o => o.Enabled = false);
            foreach (var type in ScoringEvents)
            {
                bus.AddConsumer(typeof(CountingConsumer<>).MakeGenericType(type));
            }

            bus.UsingRabbitMq((context, rabbit) =>
            {
                QualityBroker.Configure(rabbit, RabbitMqAddress.Parse(rabbitMqUri.ToString(), "rabbitmq"));
                foreach (var (type, queue) in queues)
                {
                    rabbit.ReceiveEndpoint(queue, endpoint =>
                    {
                        endpoint.ConfigureConsumeTopology = false;
                        endpoint.AutoDelete = true;
                        endpoint.ConcurrentMessageLimit = ScoringConcurrentMessages;
                        endpoint.ConfigureConsumer(context, typeof(CountingConsumer<>).MakeGenericType(type));
                    });
                }
            });
        });
        return services.BuildServiceProvider();
    }
}
