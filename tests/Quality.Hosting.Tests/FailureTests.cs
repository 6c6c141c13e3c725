using System.Net;
using System.Net.Sockets;
using Quality.Contracts;

namespace Quality.Hosting.Tests;

public sealed class FailureTests
{
    [Fact]
    public async Task A_missing_binary_says_how_to_install_it()
    {
        var builder = TestApps.Builder(o => o.RedisServerPath = "/nonexistent/redis-server");
        builder.AddRedis(ResourceNames.Redis);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<HostingException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal("/nonexistent/redis-server not found: run `sudo apt-get install -y redis-server` or pass --redis-server", error.Message);
    }

    [Fact]
    public async Task A_busy_fixed_port_names_the_option_to_drop()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var builder = TestApps.Builder();
        builder.Options.Args = [];
        CommandLine.Apply(builder.Options, ["--redis-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        builder.AddRedis(ResourceNames.Redis);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<HostingException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal($"port {port} is in use: stop what holds it or omit --redis-port", error.Message);
    }

    [Fact]
    public async Task A_second_app_on_the_same_data_directory_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var directory = TestApps.NewDirectory();
        try
        {
            var first = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DataDirectory = directory });
            first.AddRedis(ResourceNames.Redis);
            await using var running = first.Build();
            await running.StartAsync(ct);

            var second = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DataDirectory = directory });
            second.AddRedis(ResourceNames.Redis);
            await using var refused = second.Build();
            var error = await Assert.ThrowsAsync<HostingException>(() => refused.StartAsync(ct));

            Assert.Equal($"data directory {directory} is in use by another AppHost (pid {Environment.ProcessId}): stop it or pass --data-dir", error.Message);
            Assert.Equal(ResourceState.Healthy, running.GetResource(ResourceNames.Redis).State);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_server_that_dies_on_start_fails_the_start_with_its_log()
    {
        // `false` exits 1 at once: a stand-in for a misconfigured server binary.
        var builder = TestApps.Builder(o => o.RedisServerPath = "/bin/false");
        builder.AddRedis(ResourceNames.Redis);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<HostingException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.StartsWith("redis exited with code 1 before it became healthy", error.Message, StringComparison.Ordinal);
        Assert.Equal(ResourceState.Failed, app.GetResource(ResourceNames.Redis).State);
    }
}
