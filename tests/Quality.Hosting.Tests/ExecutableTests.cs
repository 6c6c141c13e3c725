using Quality.Contracts;

namespace Quality.Hosting.Tests;

public sealed class ExecutableTests
{
    [Fact]
    public async Task A_crashed_executable_is_restarted_with_a_new_pid()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = TestApps.Builder();
        builder.AddExecutable("sleeper", "sleep", "/", "300");
        await using var app = builder.Build();
        await app.StartAsync(ct);
        var first = app.GetResource("sleeper");

        System.Diagnostics.Process.GetProcessById(first.Pid!.Value).Kill();

        var exited = await app.WaitForResourceAsync("sleeper", ResourceState.Exited, ct).WaitAsync(TimeSpan.FromSeconds(10), ct);
        var again = await app.WaitForResourceAsync("sleeper", s => s.State == ResourceState.Healthy && s.Pid is not null, ct)
            .WaitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.Equal(1, exited.RestartCount);
        Assert.Equal(1, again.RestartCount);
        Assert.NotEqual(first.Pid, again.Pid);
        Assert.True(ProcessTree.IsAlive(again.Pid!.Value));
    }

    [Fact]
    public async Task A_crash_looping_executable_keeps_being_restarted()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = TestApps.Builder(o => o.FirstRestartDelay = TimeSpan.FromMilliseconds(100));
        builder.AddExecutable("crasher", "sh", "/", "-c", "exit 3");
        await using var app = builder.Build();
        await app.StartAsync(ct);

        var third = await app.WaitForResourceAsync("crasher", s => s.RestartCount >= 3, ct).WaitAsync(TimeSpan.FromSeconds(10), ct);

        Assert.Equal(3, third.ExitCode);
    }

    [Fact]
    public void Restart_delays_double_up_to_the_maximum_and_start_over_after_a_stable_run()
    {
        var backoff = new RestartBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), stableAfter: TimeSpan.FromMinutes(1));
        var crash = TimeSpan.FromSeconds(2);

        var delays = Enumerable.Range(0, 5).Select(_ => backoff.After(crash).TotalSeconds).ToList();
        var afterStableRun = backoff.After(TimeSpan.FromMinutes(2)).TotalSeconds;

        Assert.Equal([1, 2, 4, 5, 5], delays);
        Assert.Equal(1, afterStableRun);
    }

    [Fact]
    public async Task References_secrets_and_variables_reach_the_process()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = TestApps.Builder();
        var redis = builder.AddRedis(ResourceNames.Redis);
        var key = builder.AddSecret("signing-key");
        builder.AddExecutable("printer", "sh", "/", "-c", "echo \"cs=$ConnectionStrings__redis key=$Auth__SigningKey some=$Some__Key\"; exec sleep 300")
            .WithReference(redis).WaitFor(redis)
            .WithEnvironment("Auth__SigningKey", key)
            .WithEnvironment("Some__Key", "value");
        await using var app = builder.Build();
        await app.StartAsync(ct);
        var log = app.GetResource("printer").LogFile!;

        var expected = $"cs={app.GetConnectionString(ResourceNames.Redis)} key={key.Value} some=value";
        for (var i = 0; i < 50 && !File.ReadAllText(log).Contains(expected, StringComparison.Ordinal); i++) await Task.Delay(100, ct);

        Assert.Contains(expected, File.ReadAllText(log), StringComparison.Ordinal);
        Assert.Equal(44, key.Value.Length); // 32 bytes in base64
        Assert.Equal(key.Value, File.ReadAllText(Path.Combine(app.DataDirectory, "secrets", "signing-key")));
    }
}
