using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Quality.Routing.Grpc;

namespace Quality.Notifications.Tests.Infrastructure;

/// <summary>
/// Routing's <c>GetCalendarState</c> over real cleartext HTTP/2 on loopback, answering from <see cref="FakeRouting"/>.
/// Routing admits people too, but this stand-in admits services only, so the tests show Notifications calls it with its
/// own service identity (not a person's token, which it has none of in a consumer).
/// </summary>
public static class FakeRoutingServer
{
    public static Task<FakeGrpcServer> StartAsync(FakeRouting routing, string signingKey, CancellationToken cancellationToken) =>
        FakeGrpcServer.StartAsync<Service, FakeRouting>(routing, signingKey, cancellationToken);

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
