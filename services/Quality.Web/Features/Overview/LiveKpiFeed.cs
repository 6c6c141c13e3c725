using System.Security.Claims;
using Grpc.Core;
using Quality.Scoring.Grpc;
using Quality.Web.Account;

namespace Quality.Web.Features.Overview;

/// <summary>
/// One dashboard's subscription to Scoring's live KPI feed, as the signed-in person: reopened with a fresh token
/// and growing backoff when it drops, ended (and the stream with it) when the dashboard goes away.
/// </summary>
public sealed partial class LiveKpiFeed(ScoringService.ScoringServiceClient scoring, PersonTokens tokens, TimeProvider time, ILogger<LiveKpiFeed> logger)
{
    public const string Window = "last_24h";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(30);

    /// <summary>Runs until <paramref name="ct"/> is cancelled or Scoring refuses the scope.</summary>
    public async Task RunAsync(
        ClaimsPrincipal person, OverviewScope scope, Func<KpiFeedMessage, Task> onMessage, Func<FeedState, Task> onState, CancellationToken ct)
    {
        var retry = FirstRetry;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using var call = scoring.WatchKpis(
                    new WatchKpisRequest { Scope = scope.Scope, ScopeId = scope.ScopeId, Period = Window },
                    tokens.Headers(person), cancellationToken: ct);
                await foreach (var message in call.ResponseStream.ReadAllAsync(ct))
                {
                    retry = FirstRetry;
                    await onState(FeedState.Live);
                    await onMessage(message);
                }

                LogFeedEnded(scope.Scope, scope.ScopeId);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (RpcException e) when (ct.IsCancellationRequested && e.StatusCode == StatusCode.Cancelled)
            {
                return;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.PermissionDenied or StatusCode.InvalidArgument or StatusCode.NotFound)
            {
                LogFeedRefused(scope.Scope, scope.ScopeId, e.Status.Detail);
                await onState(FeedState.NotAllowed);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Scoring down or restarting, the connection cut, the resilience handler's circuit open: try again.
                LogFeedFailed(e, scope.Scope, scope.ScopeId, retry);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Live KPI feed for {Scope} {ScopeId} ended by Scoring; reopening")]
    private partial void LogFeedEnded(string scope, string scopeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live KPI feed for {Scope} {ScopeId} refused: {Detail}")]
    private partial void LogFeedRefused(string scope, string scopeId, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live KPI feed for {Scope} {ScopeId} failed; retrying in {Retry}")]
    private partial void LogFeedFailed(Exception exception, string scope, string scopeId, TimeSpan retry);
}
