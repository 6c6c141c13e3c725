using Quality.Contracts;

namespace Quality.Messaging.Tests;

public sealed record WidgetShipped : IntegrationEvent
{
    public required Guid WidgetId { get; init; }

    /// <summary>How many times the consumer should fail before it succeeds; -1 fails forever.</summary>
    public int FailTimes { get; init; }
}
