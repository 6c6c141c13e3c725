using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Quality.Notifications.Features.Noise;
using Quality.Notifications.Tests.Infrastructure;
using Quality.Routing.Grpc;

namespace Quality.Notifications.Tests.Noise;

/// <summary>How Routing's calendar answers are kept and when Routing is asked again, and that quiet hours fail open.</summary>
public sealed class RoutingCalendarsTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);
    private static readonly NoiseOptions Options = new();

    private readonly ScriptedRouting _routing = new();
    private readonly CapturedLogs _logs = new();

    [Fact]
    public async Task A_closed_answer_is_kept_until_the_calendar_opens_then_asked_again()
    {
        var opens = Monday.AddHours(1);
        _routing.Answer = at => at < opens ? Closed(opens) : Open(opens.AddHours(9));
        var calendars = Calendars();

        Assert.Equal(opens, await calendars.QuietUntilAsync("cn-support", Monday, Cancellation));
        Assert.Equal(opens, await calendars.QuietUntilAsync("cn-support", Monday.AddMinutes(14), Cancellation));
        Assert.Equal(1, _routing.Calls);
        // Past the 15-minute bound the same answer is asked for again, in case the calendar was edited.
        Assert.Equal(opens, await calendars.QuietUntilAsync("cn-support", Monday.AddMinutes(15), Cancellation));
        Assert.Equal(2, _routing.Calls);
        Assert.Null(await calendars.QuietUntilAsync("cn-support", opens, Cancellation));
        Assert.Equal(3, _routing.Calls);
    }

    [Fact]
    public async Task An_open_answer_is_kept_at_most_the_maximum_age_and_no_longer_than_the_next_closing()
    {
        _routing.Answer = at => Open(Monday.AddMinutes(20));
        var calendars = Calendars();

        Assert.Null(await calendars.QuietUntilAsync("cn-support", Monday, Cancellation));
        Assert.Null(await calendars.QuietUntilAsync("cn-support", Monday.AddMinutes(15).AddTicks(-1), Cancellation));
        Assert.Equal(1, _routing.Calls);
        Assert.Null(await calendars.QuietUntilAsync("cn-support", Monday.AddMinutes(15), Cancellation));
        Assert.Equal(2, _routing.Calls);
        // Asked at 15 minutes, closing at 20: kept until 20, not 30.
        _routing.Answer = at => Closed(Monday.AddHours(12));
        Assert.Equal(Monday.AddHours(12), await calendars.QuietUntilAsync("cn-support", Monday.AddMinutes(20), Cancellation));
        Assert.Equal(3, _routing.Calls);
    }

    [Fact]
    public async Task When_routing_is_down_email_is_not_held_a_warning_is_logged_and_routing_is_asked_again_after_a_pause()
    {
        _routing.Answer = _ => throw new RpcException(new Status(StatusCode.Unavailable, "connection refused"));
        var calendars = Calendars();

        Assert.Null(await calendars.QuietUntilAsync("cn-support", Monday, Cancellation));
        Assert.Null(await calendars.QuietUntilAsync("cn-support", Monday + Options.CalendarRetryAfterFailure - TimeSpan.FromTicks(1), Cancellation));
        Assert.Equal(1, _routing.Calls);
        _routing.Answer = _ => Closed(Monday.AddHours(8));
        Assert.Equal(Monday.AddHours(8), await calendars.QuietUntilAsync("cn-support", Monday + Options.CalendarRetryAfterFailure, Cancellation));
        Assert.Equal(2, _routing.Calls);

        var warnings = _logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("calendar cn-support", w));
        Assert.All(warnings, w => Assert.Contains("Unavailable", w));
    }

    [Fact]
    public async Task A_calendar_that_never_opens_does_not_hold_email_forever()
    {
        _routing.Answer = _ => new CalendarState { Open = false };

        Assert.Null(await Calendars().QuietUntilAsync("closed-for-good", Monday, Cancellation));
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("closed-for-good never opens", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fresh_question_asks_routing_even_while_an_answer_is_kept_and_unknown_calendars_are_not_found()
    {
        _routing.Answer = _ => Closed(Monday.AddHours(8));
        var calendars = Calendars();
        await calendars.QuietUntilAsync("cn-support", Monday, Cancellation);

        var fresh = await calendars.StateAsync("cn-support", Monday, fresh: true, Cancellation);
        _routing.Answer = _ => throw new RpcException(new Status(StatusCode.NotFound, "Calendar 'nope' (calendar_id) does not exist."));
        var unknown = await Assert.ThrowsAsync<RpcException>(() => calendars.StateAsync("nope", Monday, fresh: true, Cancellation));

        Assert.Equal(new CalendarOpening(false, Monday.AddHours(8)), fresh);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(3, _routing.Calls);
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private RoutingCalendars Calendars() => new(
        new RoutingService.RoutingServiceClient(_routing), Microsoft.Extensions.Options.Options.Create(Options), new LoggerFactory([_logs]).CreateLogger<RoutingCalendars>());

    private static CalendarState Open(DateTimeOffset closes) => new() { Open = true, NextChangeAt = Timestamp.FromDateTimeOffset(closes) };

    private static CalendarState Closed(DateTimeOffset opens) => new() { Open = false, NextChangeAt = Timestamp.FromDateTimeOffset(opens) };

    /// <summary>Routing's <c>GetCalendarState</c> as a function of the instant asked about; counts the calls.</summary>
    private sealed class ScriptedRouting : CallInvoker
    {
        public Func<DateTimeOffset, CalendarState> Answer { get; set; } = _ => throw new InvalidOperationException("not scripted");

        public int Calls { get; private set; }

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        {
            Calls++;
            Task<TResponse> reply;
            try
            {
                reply = Task.FromResult((TResponse)(object)Answer(((GetCalendarStateRequest)(object)request).At.ToDateTimeOffset()));
            }
            catch (RpcException e)
            {
                reply = Task.FromException<TResponse>(e);
            }

            return new AsyncUnaryCall<TResponse>(reply, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        }

        public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
            throw new NotSupportedException();

        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
            throw new NotSupportedException();

        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
            throw new NotSupportedException();

        public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
            throw new NotSupportedException();
    }
}
