using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using Quality.Contracts;

namespace Quality.Gateway.Tests;

public sealed class ForwardingTests(StandIns standIns) : IAsyncDisposable
{
    private GatewayHost Gateway { get; } = new(standIns);

    [Fact]
    public async Task A_service_sees_the_client_address_and_scheme_not_the_gateways()
    {
        // The test calls from loopback, which the gateway trusts as a proxy in front of it (a TLS terminator): what
        // that proxy says of the client must reach the service, through the gateway's own X-Forwarded headers.
        using var client = Gateway.Client(apiKey: "k");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var echo = await client.GetFromJsonAsync<Echo>("/api/cases", TestContext.Current.CancellationToken);

        Assert.Equal(ResourceNames.Routing, echo!.Service);
        Assert.Equal("203.0.113.7", echo.RemoteIp);
        Assert.Equal("https", echo.Scheme);
    }

    [Fact]
    public async Task The_dashboard_sees_the_host_people_typed()
    {
        using var client = Gateway.Client();

        var echo = await client.GetFromJsonAsync<Echo>("/account/signin", TestContext.Current.CancellationToken);

        Assert.Equal(Gateway.Address.Authority, echo!.Host);
    }

    [Fact]
    public async Task The_dashboards_websocket_is_forwarded()
    {
        using var socket = new ClientWebSocket();
        var address = new UriBuilder(Gateway.Address) { Scheme = "ws", Path = "/_blazor", Query = "id=abc" }.Uri;
        await socket.ConnectAsync(address, TestContext.Current.CancellationToken);

        await socket.SendAsync(Encoding.UTF8.GetBytes("ping"), WebSocketMessageType.Text, endOfMessage: true, TestContext.Current.CancellationToken);
        var buffer = new byte[64];
        var received = await socket.ReceiveAsync(buffer, TestContext.Current.CancellationToken);

        Assert.Equal("ping", Encoding.UTF8.GetString(buffer, 0, received.Count));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => Gateway.DisposeAsync();
}
