using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Gateway.Tests;

/// <summary>
/// The gateway on a real Kestrel server on a free loopback port (body limits, client addresses and WebSockets are
/// Kestrel's), finding the stand-ins by service discovery configuration, with per-test settings on top.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    public static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly WebApplicationFactory<Program> _factory;

    public GatewayHost(StandIns standIns, Dictionary<string, string?>? settings = null)
    {
        var all = standIns.DiscoverySettings();
        all["Auth:SigningKey"] = SigningKey;
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(all));
        });
        // Any free loopback port: UseKestrel(0) would leave Kestrel on its default 5000.
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        using var probe = _factory.CreateClient();
        Address = probe.BaseAddress!;
    }

    public Uri Address { get; }

    public HttpClient Client(string? apiKey = null, string? bearer = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    public static string Token(string subject) =>
        TokenFactory.Create(new AuthOptions { SigningKey = SigningKey }, subject, Roles.Agent, team: "t1");

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
