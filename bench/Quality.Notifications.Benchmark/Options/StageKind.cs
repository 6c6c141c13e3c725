namespace Quality.Notifications.Benchmark.Options;

/// <summary>Healthy: only healthy receivers. Dead: the same plus one receiver that hangs (and optionally one answering 500).</summary>
public enum StageKind
{
    Healthy,
    Dead,
}
