using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quality.Benchmarking.Webhooks;

namespace Quality.LoadGenerator.Breaches;

/// <summary>
/// The run's webhook endpoint for <c>SlaBreached</c> alerts: Kestrel on 127.0.0.1 and a random port. It notes the
/// time first, verifies the signature as a receiver would (README's scheme), and hands the alert's correlation id and
/// the breached deadline (<c>data.dueAt</c>) to the <see cref="BreachTracker"/>.
/// </summary>
public sealed class BreachWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly BreachTracker _tracker;
    private int _badSignatures;
    private int _unreadable;

    private BreachWebhookReceiver(WebApplication app, BreachTracker tracker)
    {
        _app = app;
        _tracker = tracker;
        app.MapPost("/breaches", (Delegate)HandleAsync);
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>The rule's signing secret, known once the rule exists (after the receiver listens).</summary>
    public string Secret { get; set; } = "";

    public int BadSignatures => Volatile.Read(ref _badSignatures);

    public int Unreadable => Volatile.Read(ref _unreadable);

    public static async Task<BreachWebhookReceiver> StartAsync(BreachTracker tracker, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new BreachWebhookReceiver(app, tracker);
        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = new Uri(new Uri(address), "/breaches");
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = context.Request.Headers;
        if (WebhookSignature.Verify(Secret, headers[WebhookSignature.IdHeader], headers[WebhookSignature.TimestampHeader], body,
                headers[WebhookSignature.SignatureHeader], receivedAt) != SignatureCheck.Valid)
        {
            Interlocked.Increment(ref _badSignatures);
            return Results.Unauthorized();
        }

        if (Read(body) is not { } breach)
        {
            Interlocked.Increment(ref _unreadable);
            return Results.BadRequest();
        }

        _tracker.OnDelivered(breach.CorrelationId, breach.DueAt, receivedAt);
        return Results.Ok();
    }

    /// <summary>The alert's correlation id (the complaint's feedback id) and the deadline that passed; null when absent.</summary>
    internal static (Guid CorrelationId, DateTimeOffset DueAt)? Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                   && root.TryGetProperty("correlationId", out var correlation) && correlation.ValueKind == JsonValueKind.String
                   && correlation.TryGetGuid(out var correlationId)
                   && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                   && data.TryGetProperty("dueAt", out var due) && due.ValueKind == JsonValueKind.String && due.TryGetDateTimeOffset(out var dueAt)
                ? (correlationId, dueAt)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
