using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Quality.Routing.Grpc;

namespace Quality.Notifications.Features.Noise;

/// <summary>
/// Asks Routing's <c>GetCalendarState</c>, with this service's identity, whether a business calendar is open.
/// Each answer holds until the calendar next opens or closes, so it is kept until then (at most
/// <see cref="NoiseOptions.CalendarCacheMaxAge"/>, so an edited calendar is seen soon) and most emails never call
/// Routing. A failure is remembered for <see cref="NoiseOptions.CalendarRetryAfterFailure"/>, so a Routing that hangs
/// costs one timed-out call per calendar per period rather than one per email.
/// </summary>
public sealed partial class RoutingCalendars(
    RoutingService.RoutingServiceClient routing,
    IOptions<NoiseOptions> options,
    ILogger<RoutingCalendars> logger)
{
    private readonly ConcurrentDictionary<string, Answer> _answers = new(StringComparer.Ordinal);

    /// <summary>
    /// Until when an address whose quiet hours follow <paramref name="calendarId"/> is quiet at <paramref name="now"/>:
    /// the calendar's next opening while it is closed, null while it is open. Fails open: when Routing cannot say
    /// (unreachable, too slow, the calendar gone) or the calendar never opens, the email goes now and a warning is
    /// logged, because a held alert may be an hours-late alert, while a sent one at worst wakes someone.
    /// </summary>
    public async Task<DateTimeOffset?> QuietUntilAsync(string calendarId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        CalendarOpening opening;
        try
        {
            opening = await StateAsync(calendarId, now, fresh: false, cancellationToken);
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            LogRoutingUnavailable(calendarId, e.StatusCode, e.Status.Detail);
            return null;
        }

        if (opening.Open)
        {
            return null;
        }

        if (opening.NextChangeAt is null)
        {
            LogNeverOpens(calendarId);
        }

        return opening.NextChangeAt;
    }

    /// <summary>
    /// Routing's answer for <paramref name="calendarId"/> at <paramref name="at"/>; throws <see cref="RpcException"/>
    /// when there is none (<see cref="StatusCode.NotFound"/> for an unknown calendar). <paramref name="fresh"/> asks
    /// Routing even when a kept answer or failure holds (to check a calendar that may just have been created).
    /// </summary>
    public async Task<CalendarOpening> StateAsync(string calendarId, DateTimeOffset at, bool fresh, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!fresh && _answers.TryGetValue(calendarId, out var kept) && kept.AskedAt <= at && at < kept.ValidUntil)
        {
            return kept.Opening ?? throw new RpcException(kept.Failure!.Value);
        }

        CalendarState reply;
        try
        {
            // A gRPC deadline is wall-clock time, whatever clock the service otherwise runs on.
            reply = await routing.GetCalendarStateAsync(
                new GetCalendarStateRequest { CalendarId = calendarId, At = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(at) },
                deadline: DateTime.UtcNow + o.CalendarTimeout, cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (!fresh && !cancellationToken.IsCancellationRequested)
        {
            _answers[calendarId] = new Answer(at, at + o.CalendarRetryAfterFailure, null, e.Status);
            throw;
        }

        var opening = new CalendarOpening(reply.Open, reply.NextChangeAt?.ToDateTimeOffset());
        var validUntil = at + o.CalendarCacheMaxAge;
        if (opening.NextChangeAt is { } next && next < validUntil)
        {
            validUntil = next;
        }

        _answers[calendarId] = new Answer(at, validUntil, opening, null);
        return opening;
    }

    /// <summary>What Routing said at <see cref="AskedAt"/>, holding until <see cref="ValidUntil"/>: an opening, or a failure.</summary>
    private sealed record Answer(DateTimeOffset AskedAt, DateTimeOffset ValidUntil, CalendarOpening? Opening, Status? Failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing could not say whether calendar {CalendarId} is open ({StatusCode}: {Detail}); quiet hours on it are ignored and email is sent now")]
    private partial void LogRoutingUnavailable(string calendarId, StatusCode statusCode, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar {CalendarId} never opens in Routing's look-ahead; quiet hours on it are ignored and email is sent now")]
    private partial void LogNeverOpens(string calendarId);
}
