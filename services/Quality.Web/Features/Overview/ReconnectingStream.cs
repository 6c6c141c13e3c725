using Grpc.Core;

namespace Quality.Web.Features.Overview;

/// <summary>
/// A server stream a page holds open as the signed-in person: reopened (with a fresh token, as
/// <paramref name="open"/> mints one per call) with growing backoff when it drops or ends, given up when the
/// service refuses the person, ended when the page goes away. The overview's KPI feed and the alert feed use it.
/// </summary>
public sealed class ReconnectingStream(TimeProvider time)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(30);

    public async Task RunAsync<T>(
        Func<CancellationToken, AsyncServerStreamingCall<T>> open, Func<RpcException, bool> isRefusal,
        Func<T, Task> onMessage, Func<FeedState, Task> onState, IStreamEvents events, CancellationToken ct)
    {
        var retry = FirstRetry;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using var call = open(ct);
                await foreach (var message in call.ResponseStream.ReadAllAsync(ct))
                {
                    retry = FirstRetry;
                    await onState(FeedState.Live);
                    await onMessage(message);
                }

                events.Ended();
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (RpcException e) when (ct.IsCancellationRequested && e.StatusCode == StatusCode.Cancelled)
            {
                return;
            }
            catch (RpcException e) when (isRefusal(e))
            {
                events.Refused(e.Status.Detail);
                await onState(FeedState.NotAllowed);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The service down or restarting, the connection cut, the resilience handler's circuit open: try again.
                events.Failed(e, retry);
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
}
