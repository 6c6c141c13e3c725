using System.Net.Http.Headers;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Quality.Contracts;
using Quality.Scoring.Grpc;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Scoring.Tests.Infrastructure;

/// <summary>One Scoring replica, as Program.cs builds it, on real PostgreSQL, Redis and RabbitMQ.</summary>
public sealed class ScoringHost(string database, string redis, string broker, string signingKey, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting($"ConnectionStrings:{ResourceNames.ScoringDb}", database);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.Redis}", redis);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.RabbitMQ}", broker);
        builder.UseSetting("Auth:SigningKey", signingKey);
        // Notice a flushed Redis quickly.
        builder.UseSetting("Scoring:Live:CheckInterval", "00:00:00.200");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>An HTTP/JSON client (the transcoded gRPC API) signed in as <paramref name="subject"/>.</summary>
    public HttpClient ClientFor(string subject, string role, string? team = null)
    {
        var client = CreateClient();
        var token = TokenFactory.Create(new AuthOptions { SigningKey = signingKey }, subject, role, team);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Admin() => ClientFor("admin-1", Roles.Admin);

    /// <summary>A gRPC client over the test server signed in as <paramref name="subject"/>; dispose the channel.</summary>
    public (ScoringService.ScoringServiceClient Client, GrpcChannel Channel) GrpcClientFor(string subject, string role, string? team = null)
    {
        var channel = ChannelFor(subject, role, team);
        return (new ScoringService.ScoringServiceClient(channel), channel);
    }

    /// <summary>A gRPC channel over the test server signed in as <paramref name="subject"/>, for any of the service's clients; dispose it.</summary>
    public GrpcChannel ChannelFor(string subject, string role, string? team = null)
    {
        var token = TokenFactory.Create(new AuthOptions { SigningKey = signingKey }, subject, role, team);
        return GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new BearerHandler(token) { InnerHandler = Server.CreateHandler() },
        });
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
