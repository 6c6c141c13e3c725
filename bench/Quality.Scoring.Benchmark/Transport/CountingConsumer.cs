using MassTransit;
using Quality.Contracts;

namespace Quality.Scoring.Benchmark.Transport;

/// <summary>Takes an event and does nothing with it but count it: what is left of consuming is the transport.</summary>
public sealed class CountingConsumer<TEvent>(ConsumedCount count) : IConsumer<TEvent> where TEvent : IntegrationEvent
{
    public Task Consume(ConsumeContext<TEvent> context)
    {
        count.Add();
        return Task.CompletedTask;
    }
}
