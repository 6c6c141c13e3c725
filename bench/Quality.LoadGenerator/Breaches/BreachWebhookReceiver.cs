using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Quality.Benchmarking.Webhooks;

namespace Quality.LoadGenerator.Breaches;

/// <summary>
/// The run's webhook endpoint for <c>SlaBreached</c> alerts: Kestrel on 127.0.0.1 and a random port. It notes the
/// time first, verifies the signature as a receiver would (README's scheme), and hands the alert's correlation id and
/// the breached deadline (<c>data.dueAt</c>) to the <see cref="BreachTracker"/>.
/// </summary>
public sealed class BreachWebhookReceiver : IAsyncDisposable
{
    private readonly BreachTracker _tracker;
    private LoopbackEndpoint _endpoint = null!; // set by StartAsync before anyone holds the receiver
    private int _badSignatures;
    private int _unreadable;

    private BreachWebhookReceiver(BreachTracker tracker) => _tracker = tracker;

    public Uri Url => _endpoint.Url;

    /// <summary>The rule's signing secret, known once the rule exists (after the receiver listens).</summary>
    public string Secret { get; set; } = "";

    public int BadSignatures => Volatile.Read(ref _badSignatures);

    public int Unreadable => Volatile.Read(ref _unreadable);

    public static async Task<BreachWebhookReceiver> StartAsync(BreachTracker tracker, CancellationToken ct)
    {
        var receiver = new BreachWebhookReceiver(tracker);
        receiver._endpoint = await LoopbackEndpoint.StartAsync("/breaches", receiver.HandleAsync, configure: null, ct).ConfigureAwait(false);
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        var (body, signature) = await LoopbackEndpoint.ReadSignedAsync(context, Secret, receivedAt).ConfigureAwait(false);
        if (signature != SignatureCheck.Valid)
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

    public ValueTask DisposeAsync() => _endpoint.DisposeAsync();
}
