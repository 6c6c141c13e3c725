using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quality.ServiceDefaults.Tests.Grpc;

namespace Quality.ServiceDefaults.Tests;

/// <summary>
/// A gRPC client made with the defaults, calling a real Kestrel server over cleartext HTTP/2, found through
/// service discovery the way one Quality service finds another.
/// </summary>
public sealed class GrpcClientDefaultsTests : IAsyncLifetime
{
    private WebApplication _server = null!;
    private IHost _client = null!;

    private Grpc.EchoService.EchoServiceClient Client => _client.Services.GetRequiredService<Grpc.EchoService.EchoServiceClient>();

    public async ValueTask InitializeAsync()
    {
        var server = WebApplication.CreateBuilder();
        server.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        server.Services.AddGrpc();
        server.Services.AddSingleton<EchoService>();
        _server = server.Build();
        _server.MapGrpcService<EchoService>();
        await _server.StartAsync(TestContext.Current.CancellationToken);

        var client = Host.CreateApplicationBuilder();
        client.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:echo:grpc:0"] = _server.Urls.Single(),
            ["Auth:SigningKey"] = TestApp.SigningKey,
        });
        client.AddServiceDefaults();
        client.Services.AddServiceGrpcClient<Grpc.EchoService.EchoServiceClient>("echo", "quality.tests.v1.EchoService", "Get");
        _client = client.Build();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Client_finds_the_service_by_name_and_every_call_gets_a_deadline()
    {
        var reply = await Client.GetAsync(new EchoRequest { Key = "plain" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, reply.Attempts);
        Assert.True(reply.HadDeadline);
        Assert.InRange(reply.DeadlineSeconds, 1, GrpcClientExtensions.DefaultDeadline.TotalSeconds);
    }

    [Fact]
    public async Task Idempotent_method_is_retried_when_the_server_was_unavailable()
    {
        var reply = await Client.GetAsync(new EchoRequest { Key = "flaky-get", FailTimes = 2 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, reply.Attempts);
    }

    [Fact]
    public async Task Other_methods_are_not_retried()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.CreateAsync(new EchoRequest { Key = "flaky-create", FailTimes = 1 }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        var after = await Client.CreateAsync(new EchoRequest { Key = "flaky-create" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(2, after.Attempts);
    }
}
