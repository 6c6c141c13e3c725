using Quality.Hosting;

namespace Quality.Hosting.Tests;

/// <summary>Builders for throw-away apps: a temp data directory, deleted on stop.</summary>
internal static class TestApps
{
    public static DistributedApplicationBuilder Builder(Action<DistributedApplicationOptions>? configure = null)
    {
        var options = new DistributedApplicationOptions { UseTemporaryDataDirectory = true, HealthTimeout = TimeSpan.FromSeconds(60) };
        configure?.Invoke(options);
        return DistributedApplication.CreateBuilder(options);
    }

    /// <summary>A fresh folder for tests that need to know the data directory up front.</summary>
    public static string NewDirectory() =>
        Path.Combine(Path.GetTempPath(), "quality-test-" + Guid.NewGuid().ToString("N")[..12]);
}
