using System.Security.Claims;
using Grpc.Core;
using Quality.Notifications.Grpc;
using Quality.Web.Account;
using Quality.Web.Features.Overview;

namespace Quality.Web.Features.Alerts;

/// <summary>
/// One page's subscription to the person's in-app feed in Notifications (by person, role and team from their
/// token). Each (re)opening starts with a FeedReady, on which the page reads its list again.
/// </summary>
public sealed partial class AlertFeed(NotificationsService.NotificationsServiceClient notifications, PersonTokens tokens, ReconnectingStream stream, ILogger<AlertFeed> logger)
    : IStreamEvents
{
    public Task RunAsync(ClaimsPrincipal person, Func<FeedMessage, Task> onMessage, Func<FeedState, Task> onState, CancellationToken ct) =>
        stream.RunAsync(
            token => notifications.WatchFeed(new WatchFeedRequest(), tokens.Headers(person), cancellationToken: token),
            e => e.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated,
            onMessage, onState, this, ct);

    void IStreamEvents.Ended() => LogFeedEnded();

    void IStreamEvents.Refused(string detail) => LogFeedRefused(detail);

    void IStreamEvents.Failed(Exception exception, TimeSpan retry) => LogFeedFailed(exception, retry);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert feed ended by Notifications; reopening")]
    private partial void LogFeedEnded();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert feed refused: {Detail}")]
    private partial void LogFeedRefused(string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert feed failed; retrying in {Retry}")]
    private partial void LogFeedFailed(Exception exception, TimeSpan retry);
}
