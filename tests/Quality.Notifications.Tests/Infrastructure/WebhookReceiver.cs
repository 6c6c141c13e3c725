using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quality.Notifications.Features.Webhooks;

namespace Quality.Notifications.Tests.Infrastructure;

/// <summary>
/// A real HTTP receiver (Kestrel on 127.0.0.1, a free port) that verifies each request's signature the way
/// a customer's receiver would, records it, and answers whatever <see cref="Answer"/> says for that call.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The rule's signing secret, known once the rule is created.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Given the 1-based call number, what to do; 200 by default.</summary>
    public Func<int, HttpContext, Task> Answer { get; set; } = (_, http) => { http.Response.StatusCode = 200; return Task.CompletedTask; };

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public string Url { get; private set; } = "";

    private int _calls;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.Url = address + "/hook";
        return receiver;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var call = Interlocked.Increment(ref _calls);
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var id = http.Request.Headers[WebhookSigner.IdHeader].ToString();
        var timestamp = http.Request.Headers[WebhookSigner.TimestampHeader].ToString();
        var signature = http.Request.Headers[WebhookSigner.SignatureHeader].ToString();
        var verified = WebhookSigner.Verify(Secret, id, timestamp, body, signature, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        Received.Enqueue(new ReceivedWebhook(call, id, body, verified));
        await Answer(call, http);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
