using System.Net.Http.Headers;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Quality.Contracts;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Notifications.Tests.Infrastructure;

/// <summary>The Notifications service, as Program.cs builds it, on real PostgreSQL and RabbitMQ, with fast webhook timings.</summary>
public sealed class NotificationsHost(string database, string broker, string signingKey, int smtpPort, string intakeUrl, string routingUrl) : WebApplicationFactory<Program>
{
    public const int MaxAttempts = 4;
    public const int EmailMaxAttempts = 3;
    public const int EmailMaxConcurrency = 16;
    public const string EmailFrom = "quality@quality.test";
    public const int ThrottleLimit = 2;
    public static readonly TimeSpan ThrottleWindow = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan WebhookTimeout = TimeSpan.FromSeconds(5);
    public const int WebhookMaxConcurrency = 16;
    public const int MaxInFlightPerEndpoint = 3;
    public const int BreakerFailureThreshold = 3;
    public static readonly TimeSpan SurveyDelay = TimeSpan.FromSeconds(1);
    public const string SurveyLinkBaseUrl = "https://feedback.quality.test/";
    public static readonly byte[] SurveyLinkKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    /// <summary>What this replica logged at warning level and above.</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.UseEnvironment("Production");
        builder.UseSetting($"ConnectionStrings:{ResourceNames.NotificationsDb}", database);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.RabbitMQ}", broker);
        builder.UseSetting("Auth:SigningKey", signingKey);
        // Receivers are on 127.0.0.1, and the waits are milliseconds so retries and dead-lettering fit a test.
        builder.UseSetting("Notifications:Webhooks:AllowPrivateNetworks", "true");
        builder.UseSetting("Notifications:Webhooks:MaxAttempts", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The production default: tests that count attempts assume a local receiver answers within it, and on a
        // loaded 2-core CI machine a first POST to a fresh receiver has taken ~2 s (a 1 s timeout made them flaky).
        builder.UseSetting("Notifications:Webhooks:Timeout", WebhookTimeout.ToString());
        builder.UseSetting("Notifications:Webhooks:BaseDelay", "00:00:00.100");
        builder.UseSetting("Notifications:Webhooks:MaxDelay", "00:00:00.300");
        builder.UseSetting("Notifications:Webhooks:PollInterval", "00:00:00.100");
        builder.UseSetting("Notifications:Webhooks:BreakerBreakDuration", "00:00:00.500");
        // Fewer global slots than a burst to one dead receiver, so isolation tests show the cap (not spare slots) protecting the others.
        builder.UseSetting("Notifications:Webhooks:MaxConcurrency", WebhookMaxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Notifications:Webhooks:MaxInFlightPerEndpoint", MaxInFlightPerEndpoint.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Notifications:Webhooks:BreakerFailureThreshold", BreakerFailureThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The assembly's SMTP listener, plain text on loopback.
        builder.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Notifications:Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Notifications:Smtp:Security", "None");
        builder.UseSetting("Notifications:Smtp:FromAddress", $"Quality 质量 <{EmailFrom}>");
        builder.UseSetting("Notifications:Smtp:MaxAttempts", EmailMaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Notifications:Smtp:Timeout", "00:00:05");
        builder.UseSetting("Notifications:Smtp:BaseDelay", "00:00:00.100");
        builder.UseSetting("Notifications:Smtp:MaxDelay", "00:00:00.300");
        builder.UseSetting("Notifications:Smtp:PollInterval", "00:00:00.100");
        // Every test class mails through this one lane, some to recipients the listener refuses or drops on purpose;
        // with the production default of 4 slots, a loaded CI machine kept another test's mail waiting past 90 s.
        builder.UseSetting("Notifications:Smtp:MaxConcurrency", EmailMaxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Each test mails its own addresses, so a small per-address limit only bites where a test means it to.
        builder.UseSetting("Notifications:Noise:ThrottleLimit", ThrottleLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Notifications:Noise:ThrottleWindow", ThrottleWindow.ToString());
        builder.UseSetting("Notifications:Noise:DigestPollInterval", "00:00:00.100");
        builder.UseSetting("Notifications:Escalation:PollInterval", "00:00:00.100");
        // Survey invitations: on because a key is set; a second's delay, and quick retries while Intake is down.
        builder.UseSetting("Notifications:Surveys:LinkKey", Convert.ToBase64String(SurveyLinkKey));
        builder.UseSetting("Notifications:Surveys:LinkBaseUrl", SurveyLinkBaseUrl);
        builder.UseSetting("Notifications:Surveys:Delay", SurveyDelay.ToString());
        builder.UseSetting("Notifications:Surveys:PollInterval", "00:00:00.100");
        builder.UseSetting("Notifications:Surveys:RetryBaseDelay", "00:00:00.200");
        builder.UseSetting("Notifications:Surveys:RetryMaxDelay", "00:00:00.400");
        builder.UseSetting($"services:{ResourceNames.Intake}:grpc:0", intakeUrl);
        builder.UseSetting($"services:{ResourceNames.Routing}:grpc:0", routingUrl);
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

    /// <summary>A native gRPC client over the test server signed in as <paramref name="subject"/>.</summary>
    public NotificationsGrpcClient GrpcClientFor(string subject, string role, string? team = null) =>
        new(GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() }),
            TokenFactory.Create(new AuthOptions { SigningKey = signingKey }, subject, role, team));
}
