using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Tests.Grpc;

namespace Quality.ServiceDefaults.Tests;

/// <summary>
/// A gRPC endpoint that admits services only, called over real cleartext HTTP/2 by a client with the service
/// identity, by a person and by nobody.
/// </summary>
public sealed class ServiceIdentityTests : IAsyncLifetime
{
    private WebApplication _server = null!;
    private IHost _client = null!;

    public async ValueTask InitializeAsync()
    {
        var server = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        server.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        server.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = TestApp.SigningKey });
        server.AddServiceDefaults();
        server.Services.AddGrpc();
        server.Services.AddSingleton<EchoService>();
        _server = server.Build();
        _server.UseAuthentication();
        _server.UseAuthorization();
        _server.MapGrpcService<EchoService>().RequireAuthorization(Policies.Service);
        await _server.StartAsync(TestContext.Current.CancellationToken);

        var client = Host.CreateApplicationBuilder();
        client.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:echo:grpc:0"] = _server.Urls.Single(),
            ["Auth:SigningKey"] = TestApp.SigningKey,
        });
        client.AddServiceDefaults();
        client.Services.AddServiceGrpcClient<Grpc.EchoService.EchoServiceClient>("echo", "quality.tests.v1.EchoService")
            .AddServiceIdentity("tests");
        _client = client.Build();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_service_with_its_identity_is_admitted()
    {
        var client = _client.Services.GetRequiredService<Grpc.EchoService.EchoServiceClient>();

        var reply = await client.GetAsync(new EchoRequest { Key = "service" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, reply.Attempts);
    }

    [Fact]
    public async Task A_person_even_an_admin_is_refused_and_so_is_a_caller_without_a_token()
    {
        using var channel = global::Grpc.Net.Client.GrpcChannel.ForAddress(_server.Urls.Single());
        var client = new Grpc.EchoService.EchoServiceClient(channel);
        var admin = TokenFactory.Create(new AuthOptions { SigningKey = TestApp.SigningKey }, "root", Roles.Admin);

        var asPerson = await Assert.ThrowsAsync<RpcException>(async () => await client.GetAsync(
            new EchoRequest { Key = "person" }, new Metadata { { "Authorization", $"Bearer {admin}" } },
            cancellationToken: TestContext.Current.CancellationToken));
        var anonymous = await Assert.ThrowsAsync<RpcException>(async () => await client.GetAsync(
            new EchoRequest { Key = "nobody" }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.PermissionDenied, asPerson.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }

    [Fact]
    public void A_service_token_names_the_service_and_is_reused_until_close_to_expiry()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var source = new ServiceTokenSource(Microsoft.Extensions.Options.Options.Create(new AuthOptions { SigningKey = TestApp.SigningKey }), time);

        var first = source.For("notifications");
        var again = source.For("notifications");
        time.Advance(TimeSpan.FromMinutes(9));
        var renewed = source.For("notifications");

        Assert.Same(first, again);
        Assert.NotEqual(first, renewed);
        var claims = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(first);
        Assert.Equal("service:notifications", claims.Subject);
        Assert.Equal(Roles.Service, claims.GetClaim(QualityClaims.Role).Value);
    }
}
