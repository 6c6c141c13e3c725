using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
    private readonly WebApplication _app;
    private readonly DeliveryTracker _tracker;
    private readonly CancellationTokenSource _stopping = new();
    private int _requests;
    private int _badSignatures;
    private int _unreadable;

    private WebhookReceiver(WebApplication app, ReceiverKind kind, int index, DeliveryTracker tracker)
    {
        _app = app;
        Kind = kind;
        Index = index;
        _tracker = tracker;
        app.MapPost("/hook", (Delegate)HandleAsync);
    }

    public ReceiverKind Kind { get; }

    /// <summary>The receiver's number in the run (healthy ones first).</summary>
    public int Index { get; }

    public Uri Url { get; private set; } = null!;

    /// <summary>The rule's webhook secret, known once the rule is created (after the receiver is listening).</summary>
    public string Secret { get; set; } = "";

    /// <summary>Every request that reached the receiver, retries included.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public int BadSignatures => Volatile.Read(ref _badSignatures);

    /// <summary>Requests whose body carried no event and alert id.</summary>
    public int Unreadable => Volatile.Read(ref _unreadable);

    public static async Task<WebhookReceiver> StartAsync(ReceiverKind kind, int index, DeliveryTracker tracker, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            // The service holds up to 32 connections per endpoint; a dead receiver must keep accepting them all.
            kestrel.Limits.MaxConcurrentConnections = null;
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromMinutes(5);
        });
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, kind, index, tracker);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = new Uri(new Uri(address), "/hook");
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var arrivedAt = Clock.Now;
        Interlocked.Increment(ref _requests);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
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

        var headers = context.Request.Headers;
        var check = WebhookSignature.Verify(Secret, headers[WebhookSignature.IdHeader], headers[WebhookSignature.TimestampHeader], body,
            headers[WebhookSignature.SignatureHeader], DateTimeOffset.UtcNow);
        if (check != SignatureCheck.Valid)
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
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
