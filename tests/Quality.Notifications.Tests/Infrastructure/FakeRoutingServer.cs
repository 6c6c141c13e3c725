using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quality.Routing.Grpc;
using Quality.ServiceDefaults;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Notifications.Tests.Infrastructure;

/// <summary>
/// Routing's <c>GetCalendarState</c> over real cleartext HTTP/2 on loopback, answering from <see cref="FakeRouting"/>.
/// Routing admits people too, but this stand-in admits services only, so the tests show Notifications calls it with its
/// own service identity (not a person's token, which it has none of in a consumer).
/// </summary>
public sealed class FakeRoutingServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeRoutingServer(WebApplication app) => _app = app;

    public string Url => _app.Urls.Single();

    public static async Task<FakeRoutingServer> StartAsync(FakeRouting routing, string signingKey, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = signingKey });
        builder.AddServiceDefaults();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(routing);
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcService<Service>().RequireAuthorization(Policies.Service);
        await app.StartAsync(cancellationToken);
        return new FakeRoutingServer(app);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private sealed class Service(FakeRouting routing) : RoutingService.RoutingServiceBase
    {
        public override Task<CalendarState> GetCalendarState(GetCalendarStateRequest request, ServerCallContext context)
        {
            if (request.CalendarId.Length == 0 || request.At is null)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, "calendar_id and at are required"));
            }

            Features.Noise.CalendarOpening? state;
            try
            {
                state = routing.StateAt(request.CalendarId, request.At.ToDateTimeOffset());
            }
            catch (RoutingDownException e)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, e.Message));
            }

            if (state is null)
            {
                throw new RpcException(new Status(StatusCode.NotFound, $"Calendar '{request.CalendarId}' (calendar_id) does not exist."));
            }

            return Task.FromResult(new CalendarState
            {
                CalendarId = request.CalendarId,
                At = request.At,
                Open = state.Open,
                NextChangeAt = state.NextChangeAt is { } next ? Timestamp.FromDateTimeOffset(next) : null,
            });
        }
    }
}
