using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Quality.Contracts;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Notifications.Tests.Infrastructure;

/// <summary>The Notifications service, as Program.cs builds it, on real PostgreSQL and RabbitMQ, with fast webhook timings.</summary>
public sealed class NotificationsHost(string database, string broker, string signingKey) : WebApplicationFactory<Program>
{
    public const int MaxAttempts = 4;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting($"ConnectionStrings:{ResourceNames.NotificationsDb}", database);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.RabbitMQ}", broker);
        builder.UseSetting("Auth:SigningKey", signingKey);
        // Receivers are on 127.0.0.1, and the waits are milliseconds so retries and dead-lettering fit a test.
        builder.UseSetting("Notifications:Webhooks:AllowPrivateNetworks", "true");
        builder.UseSetting("Notifications:Webhooks:MaxAttempts", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Notifications:Webhooks:Timeout", "00:00:01");
        builder.UseSetting("Notifications:Webhooks:BaseDelay", "00:00:00.100");
        builder.UseSetting("Notifications:Webhooks:MaxDelay", "00:00:00.300");
        builder.UseSetting("Notifications:Webhooks:PollInterval", "00:00:00.100");
        builder.UseSetting("Notifications:Webhooks:BreakerBreakDuration", "00:00:00.500");
    }

    /// <summary>An HTTP/JSON client signed in as <paramref name="subject"/>.</summary>
    public HttpClient ClientFor(string subject, string role, string? team = null)
    {
        var client = CreateClient();
        var token = TokenFactory.Create(new AuthOptions { SigningKey = signingKey }, subject, role, team);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient QualityManager() => ClientFor("qm-1", Roles.QualityManager);
}
