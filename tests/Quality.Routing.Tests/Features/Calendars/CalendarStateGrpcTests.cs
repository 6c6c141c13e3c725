using System.Net;
using System.Net.Http.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Quality.Routing.Grpc;
using Quality.Routing.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Routing.Tests.Features.Calendars;

/// <summary><c>GetCalendarState</c> over gRPC, as Notifications calls it: who may ask, and what bad or unknown input answers.</summary>
public sealed class CalendarStateGrpcTests(RoutingServers servers)
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    // Routing compiles its proto as a server only; the method is described here as a client would see it.
    private static readonly Method<GetCalendarStateRequest, CalendarState> GetCalendarState = new(
        MethodType.Unary, "quality.routing.v1.RoutingService", "GetCalendarState",
        Marshallers.Create(r => r.ToByteArray(), GetCalendarStateRequest.Parser.ParseFrom),
        Marshallers.Create(r => r.ToByteArray(), CalendarState.Parser.ParseFrom));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_service_and_an_agent_both_get_the_state_of_a_calendar_with_a_holiday_and_a_lunch_break()
    {
        var id = await PutCalendarAsync();
        var service = TokenFactory.CreateForService(new AuthOptions { SigningKey = RoutingServers.SigningKey }, "notifications", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        var agent = TokenFactory.Create(new AuthOptions { SigningKey = RoutingServers.SigningKey }, "agent-1", Roles.Agent, "team-a");

        // Monday 30 November 2026 12:15 is the lunch break: open again at 13:30.
        var lunch = await AskAsync(id, new DateTimeOffset(2026, 11, 30, 12, 15, 0, Shanghai), service);
        // Friday 17:00 is open until 18:00.
        var friday = await AskAsync(id, new DateTimeOffset(2026, 11, 27, 17, 0, 0, Shanghai), agent);
        // Tuesday 1 December is a holiday: Monday evening is closed until Wednesday 09:00.
        var holiday = await AskAsync(id, new DateTimeOffset(2026, 11, 30, 19, 0, 0, Shanghai), agent);

        Assert.Equal((false, new DateTimeOffset(2026, 11, 30, 13, 30, 0, Shanghai)), (lunch.Open, lunch.NextChangeAt.ToDateTimeOffset()));
        Assert.Equal(id, lunch.CalendarId);
        Assert.Equal((true, new DateTimeOffset(2026, 11, 27, 18, 0, 0, Shanghai)), (friday.Open, friday.NextChangeAt.ToDateTimeOffset()));
        Assert.Equal((false, new DateTimeOffset(2026, 12, 2, 9, 0, 0, Shanghai)), (holiday.Open, holiday.NextChangeAt.ToDateTimeOffset()));
    }

    [Fact]
    public async Task Nobody_signed_in_is_refused()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => AskAsync("default", DateTimeOffset.UtcNow, token: null));

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Fact]
    public async Task An_unknown_calendar_is_not_found_naming_it()
    {
        var service = TokenFactory.CreateForService(new AuthOptions { SigningKey = RoutingServers.SigningKey }, "notifications", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));

        var e = await Assert.ThrowsAsync<RpcException>(() => AskAsync("no-such-calendar", DateTimeOffset.UtcNow, service));

        Assert.Equal(StatusCode.NotFound, e.StatusCode);
        Assert.Contains("no-such-calendar", e.Status.Detail);
    }

    [Fact]
    public async Task A_missing_id_or_instant_is_an_invalid_argument_naming_each_field()
    {
        var service = TokenFactory.CreateForService(new AuthOptions { SigningKey = RoutingServers.SigningKey }, "notifications", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));

        var missing = await Assert.ThrowsAsync<RpcException>(() => CallAsync(new GetCalendarStateRequest { CalendarId = " " }, service));
        var outOfRange = await Assert.ThrowsAsync<RpcException>(() => AskAsync("default", new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero), service));
        var badNanos = await Assert.ThrowsAsync<RpcException>(() => CallAsync(
            new GetCalendarStateRequest { CalendarId = "default", At = new Timestamp { Seconds = 1_800_000_000, Nanos = -5 } }, service));

        Assert.Equal(StatusCode.InvalidArgument, missing.StatusCode);
        Assert.Contains(missing.Trailers.GetAll("field-violation"), t => t.Value.StartsWith("calendar_id: is required", StringComparison.Ordinal));
        Assert.Contains(missing.Trailers.GetAll("field-violation"), t => t.Value.StartsWith("at: is required", StringComparison.Ordinal));
        Assert.Equal(StatusCode.InvalidArgument, outOfRange.StatusCode);
        Assert.Contains(outOfRange.Trailers.GetAll("field-violation"), t => t.Value.StartsWith("at: must be between", StringComparison.Ordinal));
        Assert.Equal(StatusCode.InvalidArgument, badNanos.StatusCode);
        Assert.Contains("at: is not a valid timestamp", badNanos.Trailers.GetAll("field-violation").Select(t => t.Value));
    }

    /// <summary>Shanghai, weekdays 09:00–12:00 and 13:30–18:00, with Tuesday 1 December 2026 off.</summary>
    private async Task<string> PutCalendarAsync()
    {
        using var admin = servers.Routing.Admin();
        var id = $"cal-{Guid.NewGuid():N}"[..20];
        var days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" };
        var put = await admin.PutAsJsonAsync($"/api/sla/calendars/{id}", new
        {
            timeZone = "Asia/Shanghai",
            hours = days.SelectMany(d => new[] { new { day = d, start = "09:00", end = "12:00" }, new { day = d, start = "13:30", end = "18:00" } }),
            holidays = new[] { new { date = "2026-12-01", name = "Company day" } },
        }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        return id;
    }

    private Task<CalendarState> AskAsync(string calendarId, DateTimeOffset at, string? token) =>
        CallAsync(new GetCalendarStateRequest { CalendarId = calendarId, At = Timestamp.FromDateTimeOffset(at) }, token);

    private async Task<CalendarState> CallAsync(GetCalendarStateRequest request, string? token)
    {
        using var channel = GrpcChannel.ForAddress(servers.Routing.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = servers.Routing.Server.CreateHandler() });
        var headers = token is null ? new Metadata() : new Metadata { { "Authorization", $"Bearer {token}" } };
        return await channel.CreateCallInvoker().AsyncUnaryCall(GetCalendarState, null, new CallOptions(headers, cancellationToken: Cancellation), request);
    }
}
