using Microsoft.AspNetCore.Http;
using Quality.Benchmarking.Webhooks;
using Quality.Notifications.Benchmark.Measurement;

namespace Quality.Notifications.Benchmark.Receivers;

/// <summary>
/// One webhook endpoint in this process: Kestrel on 127.0.0.1 and a random port. A healthy receiver notes the
/// arrival time first (before reading the body, so its own work is not counted as the system's), verifies the
/// signature, matches the body to a published event and answers 200. A dead one reads the request and never
/// answers until the run ends; a failing one answers 500.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly DeliveryTracker _tracker;
    private readonly CancellationTokenSource _stopping = new();
    private int _requests;
    private int _badSignatures;
    private int _unreadable;
    private LoopbackEndpoint _endpoint = null!; // set by StartAsync before anyone holds the receiver

    private WebhookReceiver(ReceiverKind kind, int index, DeliveryTracker tracker)
    {
        Kind = kind;
        Index = index;
        _tracker = tracker;
    }

    public ReceiverKind Kind { get; }

    /// <summary>The receiver's number in the run (healthy ones first).</summary>
    public int Index { get; }

    public Uri Url => _endpoint.Url;

    /// <summary>The rule's webhook secret, known once the rule is created (after the receiver is listening).</summary>
    public string Secret { get; set; } = "";

    /// <summary>Every request that reached the receiver, retries included.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public int BadSignatures => Volatile.Read(ref _badSignatures);

    /// <summary>Requests whose body carried no event and alert id.</summary>
    public int Unreadable => Volatile.Read(ref _unreadable);

    public static async Task<WebhookReceiver> StartAsync(ReceiverKind kind, int index, DeliveryTracker tracker, CancellationToken cancellationToken)
    {
        var receiver = new WebhookReceiver(kind, index, tracker);
        receiver._endpoint = await LoopbackEndpoint.StartAsync("/hook", receiver.HandleAsync, kestrel =>
        {
            // The service holds up to 32 connections per endpoint; a dead receiver must keep accepting them all.
            kestrel.Limits.MaxConcurrentConnections = null;
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromMinutes(5);
        }, cancellationToken);
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var arrivedAt = Clock.Now;
        Interlocked.Increment(ref _requests);
        var (body, signature) = await LoopbackEndpoint.ReadSignedAsync(context, Secret, DateTimeOffset.UtcNow);
        switch (Kind)
        {
            case ReceiverKind.Dead:
                // Hang: hold the connection until the sender gives up or the run ends.
                using (var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token))
                {
                    await Task.Delay(Timeout.Infinite, both.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                }

                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            case ReceiverKind.Failing:
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        if (signature != SignatureCheck.Valid)
        {
            Interlocked.Increment(ref _badSignatures);
            return Results.Unauthorized();
        }

        if (WebhookBody.Parse(body) is not { } ids)
        {
            Interlocked.Increment(ref _unreadable);
            return Results.BadRequest();
        }

        _tracker.Arrived(ids.EventId, ids.AlertId, Index, arrivedAt);
        return Results.Ok();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _endpoint.DisposeAsync();
        _stopping.Dispose();
    }
}
