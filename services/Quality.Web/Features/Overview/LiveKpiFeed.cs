using System.Security.Claims;
using Grpc.Core;
using Quality.Scoring.Grpc;
using Quality.Web.Account;

namespace Quality.Web.Features.Overview;

/// <summary>
/// One dashboard's subscription to Scoring's live KPI feed, as the signed-in person: reopened with a fresh token and
/// growing backoff when it drops, ended (and the stream with it) when the dashboard goes away.
/// </summary>
public sealed partial class LiveKpiFeed(ScoringService.ScoringServiceClient scoring, PersonTokens tokens, ReconnectingStream stream, ILogger<LiveKpiFeed> logger)
{
    public const string Window = "last_24h";

    /// <summary>Runs until <paramref name="ct"/> is cancelled or Scoring refuses the scope.</summary>
    public Task RunAsync(
        ClaimsPrincipal person, OverviewScope scope, Func<KpiFeedMessage, Task> onMessage, Func<FeedState, Task> onState, CancellationToken ct) =>
        stream.RunAsync(
            token => scoring.WatchKpis(
                new WatchKpisRequest { Scope = scope.Scope, ScopeId = scope.ScopeId, Period = Window }, tokens.Headers(person), cancellationToken: token),
            e => e.StatusCode is StatusCode.PermissionDenied or StatusCode.InvalidArgument or StatusCode.NotFound,
            onMessage, onState, new Events(this, scope), ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live KPI feed for {Scope} {ScopeId} ended by Scoring; reopening")]
    private partial void LogFeedEnded(string scope, string scopeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live KPI feed for {Scope} {ScopeId} refused: {Detail}")]
    private partial void LogFeedRefused(string scope, string scopeId, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live KPI feed for {Scope} {ScopeId} failed; retrying in {Retry}")]
    private partial void LogFeedFailed(Exception exception, string scope, string scopeId, TimeSpan retry);

    private sealed class Events(LiveKpiFeed feed, OverviewScope scope) : IStreamEvents
    {
        public void Ended() => feed.LogFeedEnded(scope.Scope, scope.ScopeId);

        public void Refused(string detail) => feed.LogFeedRefused(scope.Scope, scope.ScopeId, detail);

        public void Failed(Exception exception, TimeSpan retry) => feed.LogFeedFailed(exception, scope.Scope, scope.ScopeId, retry);
    }
}
