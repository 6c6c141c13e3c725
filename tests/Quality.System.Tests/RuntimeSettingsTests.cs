using Quality.Contracts;

namespace Quality.SystemTests;

/// <summary>What the AppHost gives every service's runtime beyond its configuration.</summary>
public sealed class RuntimeSettingsTests(QualitySystem system)
{
    [Theory]
    [InlineData(ResourceNames.Intake)]
    [InlineData(ResourceNames.Routing)]
    [InlineData(ResourceNames.Scoring)]
    [InlineData(ResourceNames.Notifications)]
    [InlineData(ResourceNames.Gateway)]
    public void Each_service_runs_with_the_larger_first_generation_budget_unless_the_environment_sets_one(string service)
    {
        var pid = system.App.GetResource(service).Pid ?? throw new InvalidOperationException($"{service} has no process");

        var environment = File.ReadAllText($"/proc/{pid}/environ").Split('\0');

        var expected = Environment.GetEnvironmentVariable("DOTNET_GCgen0size") ?? "0x4000000";
        Assert.Contains($"DOTNET_GCgen0size={expected}", environment);
    }
}
