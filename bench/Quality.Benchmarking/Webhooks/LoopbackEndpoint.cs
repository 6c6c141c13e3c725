using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Quality.Benchmarking.Webhooks;

/// <summary>
/// One POST endpoint in a bench tool's own process for the system to call (a webhook receiver): Kestrel on 127.0.0.1
/// and a port the system picks, no logging. Stopping gives open requests two seconds, so a receiver that hangs on
/// purpose cannot hold the tool's exit.
/// </summary>
public sealed class LoopbackEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackEndpoint(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<LoopbackEndpoint> StartAsync(
        string path, Func<HttpContext, Task<IResult>> handle, Action<KestrelServerOptions>? configure, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            configure?.Invoke(kestrel);
        });
        var app = builder.Build();
        app.MapPost(path, handle);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackEndpoint(app, new Uri(new Uri(address), path));
    }

    /// <summary>The request's body, and its signature checked against <paramref name="secret"/> as the README's receiver does.</summary>
    public static async Task<(string Body, SignatureCheck Signature)> ReadSignedAsync(HttpContext context, string secret, DateTimeOffset now)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = context.Request.Headers;
        return (body, WebhookSignature.Verify(secret, headers[WebhookSignature.IdHeader], headers[WebhookSignature.TimestampHeader], body,
            headers[WebhookSignature.SignatureHeader], now));
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
