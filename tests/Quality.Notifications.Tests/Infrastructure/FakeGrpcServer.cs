using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quality.ServiceDefaults;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Notifications.Tests.Infrastructure;

/// <summary>
/// Another service's gRPC stand-in over real cleartext HTTP/2 on loopback, admitting services only, with the state it
/// answers from registered for <typeparamref name="TService"/>: a stand-in at the service boundary, not for infrastructure.
/// </summary>
public sealed class FakeGrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeGrpcServer(WebApplication app) => _app = app;

    public string Url => _app.Urls.Single();

    public static async Task<FakeGrpcServer> StartAsync<TService, TState>(TState state, string signingKey, CancellationToken cancellationToken)
        where TService : class
        where TState : class
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = signingKey });
        builder.AddServiceDefaults();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(state);
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcService<TService>().RequireAuthorization(Policies.Service);
        await app.StartAsync(cancellationToken);
        return new FakeGrpcServer(app);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
