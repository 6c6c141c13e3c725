using System.Net.Http.Headers;
using Grpc.Net.ClientFactory;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Quality.Contracts;
using Quality.Scoring.Grpc;
using Quality.Scoring.Tests.Infrastructure;
using Quality.ServiceDefaults;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Scoring.Tests.Features.LiveFeed;

/// <summary>
/// A feed held open longer than the standard resilience handler's 15 s total timeout, through a client built the way
/// production builds them (resilience on every factory client, <c>AddServiceGrpcClient</c>, sockets and HTTP/2 to a
/// Kestrel gRPC endpoint, as the AppHost sets them up).
/// </summary>
[Collection(nameof(EventPublishingTests))]
public sealed class KpiFeedStreamTests(ScoringServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_feed_outlives_the_resilience_handlers_total_timeout()
    {
        var team = $"team-s-{Guid.NewGuid():N}"[..20];
        await using var server = servers.AnotherReplica(new Dictionary<string, string>
        {
            ["Kestrel:Endpoints:grpc:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:grpc:Protocols"] = "Http2",
        });
        server.UseKestrel();
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        await using var provider = ProductionLikeClients(new Uri(address), TokenFactory.Create(new AuthOptions { SigningKey = ScoringServers.SigningKey }, "sup-s", Roles.Supervisor, team));
        var client = provider.GetRequiredService<ScoringService.ScoringServiceClient>();
        // The client really has the handler whose timeouts are in question.
        Assert.Contains(Handlers(provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(nameof(ScoringService.ScoringServiceClient))),
            h => h is ResilienceHandler);

        using var call = client.WatchKpis(new WatchKpisRequest { Scope = "team", ScopeId = team, Period = "last_hour" }, cancellationToken: Cancellation);
        Assert.Equal("snapshot", (await KpiFeedReplicaTests.NextAsync(call)).Kind);

        await Task.Delay(TimeSpan.FromSeconds(17), Cancellation);
        await DirectFacts.RecordAsync(servers.Scoring, [KpiFeedReplicaTests.Opened(Guid.CreateVersion7(), team)]);

        var change = await KpiFeedReplicaTests.NextAsync(call);
        Assert.Equal(("change", 1.0), (change.Kind, change.Kpis.Single(k => k.Name == "backlog").Value!.Value));
    }

    private static ServiceProvider ProductionLikeClients(Uri address, string token)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        // As AddServiceDefaults does for every factory client.
        services.ConfigureHttpClientDefaults(http => http.AddQualityResilience());
        var builder = services.AddServiceGrpcClient<ScoringService.ScoringServiceClient>(ResourceNames.Scoring, "quality.scoring.v1.ScoringService")
            .AddHttpMessageHandler(() => new BearerHandler(token));
        services.PostConfigure<GrpcClientFactoryOptions>(builder.Name, o => o.Address = address);
        return services.BuildServiceProvider();
    }

    private static IEnumerable<HttpMessageHandler> Handlers(HttpMessageHandler handler)
    {
        for (var h = handler; h is not null; h = (h as DelegatingHandler)?.InnerHandler)
        {
            yield return h;
        }
    }

    private sealed class BearerHandler(string token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
