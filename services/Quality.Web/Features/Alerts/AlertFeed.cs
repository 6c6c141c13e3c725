using System.Security.Claims;
using Grpc.Core;
using Quality.Notifications.Grpc;
using Quality.Web.Account;
using Quality.Web.Features.Overview;

namespace Quality.Web.Features.Alerts;

/// <summary>
/// One page's subscription to the person's in-app feed in Notifications: reopened with a fresh token and growing
/// backoff when it drops (each reopening starts with a FeedReady, so the page re-reads), ended with the page.
/// </summary>
public sealed partial class AlertFeed(NotificationsService.NotificationsServiceClient notifications, PersonTokens tokens, TimeProvider time, ILogger<AlertFeed> logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(30);

    public async Task RunAsync(ClaimsPrincipal person, Func<FeedMessage, Task> onMessage, Func<FeedState, Task> onState, CancellationToken ct)
    {
        var retry = FirstRetry;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using var call = notifications.WatchFeed(new WatchFeedRequest(), tokens.Headers(person), cancellationToken: ct);
                await foreach (var message in call.ResponseStream.ReadAllAsync(ct))
                {
                    retry = FirstRetry;
                    await onState(FeedState.Live);
                    await onMessage(message);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (RpcException e) when (ct.IsCancellationRequested && e.StatusCode == StatusCode.Cancelled)
            {
                return;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated)
            {
                LogFeedRefused(e.Status.Detail);
                await onState(FeedState.NotAllowed);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFeedFailed(e, retry);
            }

            await onState(FeedState.Reconnecting);
            try
            {
                await Task.Delay(retry, time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, MaxRetry.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert feed refused: {Detail}")]
    private partial void LogFeedRefused(string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert feed failed; retrying in {Retry}")]
    private partial void LogFeedFailed(Exception exception, TimeSpan retry);
}
