using System.Text.Json;

namespace Quality.Routing.Benchmark.Broker;

/// <summary>One event Routing published, as read from the broker: its exchange, its message and when it arrived here.</summary>
/// <param name="ReceivedAt">This process's monotonic clock (<see cref="Clock.Now"/>), for latencies.</param>
/// <param name="ReceivedAtUtc">Wall-clock arrival, to compare with times Routing wrote into the event.</param>
public sealed record RoutingEvent(string Exchange, JsonElement Message, long ReceivedAt, DateTimeOffset ReceivedAtUtc)
{
    public Guid CorrelationId => Message.GetProperty("correlationId").GetGuid();

    public Guid CaseId => Message.GetProperty("caseId").GetGuid();

    public DateTimeOffset Time(string property) => Message.GetProperty(property).GetDateTimeOffset();
}
