using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quality.ServiceDefaults;

namespace Quality.Gateway.Tests;

/// <summary>
/// A service on a real Kestrel server on a free loopback port, with the ServiceDefaults pipeline (so it reads the
/// forwarded headers as a real service does). It answers every path with an <see cref="Echo"/>, marks every answer
/// with an <c>X-Stand-In</c> header naming itself, and echoes WebSocket messages on <c>/_blazor</c>.
/// </summary>
public sealed class StandIn : IAsyncDisposable
{
    public const string Header = "X-Stand-In";

    private readonly WebApplication _app;

    private StandIn(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    public string Name { get; }

    public Uri Address => new(_app.Urls.Single());

    public static async Task<StandIn> StartAsync(string name)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = GatewayHost.SigningKey });
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        var app = builder.Build();
        app.Use((context, next) =>
        {
            context.Response.Headers[Header] = name;
            return next(context);
        });
        app.MapDefaultEndpoints();
        app.UseWebSockets();
        app.Map("/_blazor", EchoWebSocketAsync).AllowAnonymous();
        app.Map("/{**path}", async (HttpContext context) =>
        {
            long bytes = 0;
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                bytes += read;
            }

            return TypedResults.Ok(new Echo(name, context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Request.Host.Value ?? "", context.Request.Scheme, context.Connection.RemoteIpAddress?.ToString(), bytes));
        }).AllowAnonymous();
        await app.StartAsync();
        return new StandIn(name, app);
    }

    private static async Task EchoWebSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[4096];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, context.RequestAborted);
                return;
            }

            await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
