namespace Quality.Notifications.Benchmark.Receivers;

/// <summary>Healthy receivers verify and answer 200 at once; a dead one accepts the request and never answers; a failing one answers 500.</summary>
public enum ReceiverKind
{
    Healthy,
    Dead,
    Failing,
}
