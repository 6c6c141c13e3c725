using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Quality.Scoring.Features.Goals;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Features.Leaderboards;
using Quality.Scoring.Features.LiveFeed;
using Quality.Scoring.Features.LiveKpis;
using Quality.Scoring.Features.Scorecards;
using Quality.Scoring.Features.Surges;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;

namespace Quality.Scoring.Grpc;

public sealed class ScoringGrpcService(
    KpiQuery kpis, LeaderboardQuery leaderboards, LiveMaintenance maintenance, GoalService goals,
    KpiFeedHub feed, ScorecardQuery scorecards, SurgeQuery surges, TimeProvider time)
    : ScoringService.ScoringServiceBase
{
    public override async Task<LiveRebuildReport> RebuildLive(RebuildLiveRequest request, ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        if (!user.IsInRole(Roles.Admin))
        {
            throw new ForbiddenException("only admins may rebuild the live values");
        }

        var rebuild = await maintenance.RebuildAsync(context.CancellationToken, wait: TimeSpan.FromSeconds(30))
            ?? throw new ConflictException("a rebuild has been running on another replica for over 30 s; try again when it has finished");
        var organisation = await kpis.GetAsync(user, "org", null, LiveWindow.LastHour.PeriodName, null, null, context.CancellationToken);

        var report = new LiveRebuildReport
        {
            Cases = rebuild.Cases,
            Surveys = rebuild.Surveys,
            FeedbackItems = rebuild.FeedbackItems,
            Facts = rebuild.Facts,
            Teams = rebuild.Teams,
            Agents = rebuild.Agents,
            Complete = rebuild.Complete,
            StartedAt = Timestamp.FromDateTimeOffset(rebuild.StartedAt),
            FinishedAt = Timestamp.FromDateTimeOffset(rebuild.FinishedAt),
            OrganisationLastHour = ToReport(organisation),
        };
        report.Windows.Add(rebuild.Windows);
        return report;
    }

    public override async Task<KpiReport> GetKpis(GetKpisRequest request, ServerCallContext context) =>
        ToReport(await kpis.GetAsync(
            context.GetHttpContext().User, request.Scope, request.ScopeId, request.Period,
            request.From?.ToDateTimeOffset(), request.To?.ToDateTimeOffset(), context.CancellationToken));

    public override async Task WatchKpis(WatchKpisRequest request, IServerStreamWriter<KpiFeedMessage> responseStream, ServerCallContext context)
    {
        var scope = KpiScope.Parse(request.Scope, request.ScopeId);
        var window = LiveWindow.Named(string.IsNullOrWhiteSpace(request.Period) ? LiveWindow.Last24Hours.PeriodName : request.Period.Trim().ToLowerInvariant())
            ?? throw new RequestValidationException("period", $"unknown period '{request.Period}'; the feed is live: use last_hour or last_24h");
        await kpis.AuthorizeAsync(context.GetHttpContext().User, scope, context.CancellationToken);

        using var subscription = feed.Subscribe(scope, window);
        try
        {
            // Headers now, not with the first message: a client's per-attempt and total timeouts (the standard
            // resilience handler's 5 s and 15 s) last until the response headers arrive, then no longer apply.
            await context.WriteResponseHeadersAsync([]);
            while (true)
            {
                var update = await subscription.TakeAsync(context.CancellationToken);
                var message = new KpiFeedMessage
                {
                    Kind = update.Snapshot ? "snapshot" : "change",
                    Scope = scope.Name,
                    ScopeId = scope.Id ?? "",
                    Period = window.PeriodName,
                    From = Timestamp.FromDateTimeOffset(update.Period.From),
                    To = Timestamp.FromDateTimeOffset(update.Period.To),
                    AsOf = Timestamp.FromDateTimeOffset(update.AsOf),
                    Source = update.FromRedis ? "redis" : "postgres",
                    Degraded = update.Degraded,
                };
                message.Kpis.Add(update.Kpis.Select(ToValue));
                await responseStream.WriteAsync(message, context.CancellationToken);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The subscriber went away.
        }
    }

    public override async Task<Leaderboard> GetLeaderboard(GetLeaderboardRequest request, ServerCallContext context)
    {
        var answer = await leaderboards.GetAsync(
            context.GetHttpContext().User, request.Metric, request.Scope, request.ScopeId, request.Period, request.Limit, request.MinSamples,
            context.CancellationToken);
        var board = new Leaderboard
        {
            Metric = answer.Metric.Name,
            Unit = answer.Metric.Unit,
            Scope = answer.Board.Name,
            ScopeId = answer.Board.Id ?? "",
            Period = answer.Period.Name,
            From = Timestamp.FromDateTimeOffset(answer.Period.From),
            To = Timestamp.FromDateTimeOffset(answer.Period.To),
            Source = answer.FromRedis ? "redis" : "postgres",
            Degraded = answer.Degraded,
            AsOf = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
        };
        board.Entries.Add(answer.Entries.Select(e => new Grpc.LeaderboardEntry { Rank = e.Rank, AgentId = e.AgentId, Value = e.Value, SampleCount = e.SampleCount }));
        return board;
    }

    public override async Task<ScorecardReport> GetScorecard(GetScorecardRequest request, ServerCallContext context) =>
        ScorecardMessages.ToReport(await scorecards.GetAsync(
            context.GetHttpContext().User, ScorecardMessages.ParseScope(request.Scope), request.ScopeId, request.Period,
            request.From?.ToDateTimeOffset(), request.To?.ToDateTimeOffset(), context.CancellationToken));

    public override async Task<GoalReport> CreateGoal(CreateGoalRequest request, ServerCallContext context) =>
        GoalMessages.ToReport(await goals.CreateAsync(context.GetHttpContext().User, GoalMessages.ToRequest(request), context.CancellationToken));

    public override async Task<GoalReport> GetGoal(GetGoalRequest request, ServerCallContext context) =>
        GoalMessages.ToReport(await goals.GetAsync(context.GetHttpContext().User, GoalMessages.ParseId(request.Id), context.CancellationToken));

    public override async Task<ListGoalsResponse> ListGoals(ListGoalsRequest request, ServerCallContext context)
    {
        var views = await goals.ListAsync(
            context.GetHttpContext().User, new GoalListFilter(request.Scope, request.ScopeId, request.OwnerId, request.State, request.Limit),
            context.CancellationToken);
        var response = new ListGoalsResponse();
        response.Goals.Add(views.Select(GoalMessages.ToReport));
        return response;
    }

    public override async Task<GoalReport> CancelGoal(CancelGoalRequest request, ServerCallContext context) =>
        GoalMessages.ToReport(await goals.CancelAsync(context.GetHttpContext().User, GoalMessages.ParseId(request.Id), context.CancellationToken));

    public override async Task<ListSurgesResponse> ListSurges(ListSurgesRequest request, ServerCallContext context)
    {
        var readings = await surges.ListAsync(context.GetHttpContext().User, request.SurgingOnly, context.CancellationToken);
        var response = new ListSurgesResponse { AsOf = Timestamp.FromDateTimeOffset(time.GetUtcNow()) };
        response.Surges.Add(readings.Select(r => new SurgeReport
        {
            Category = r.State.Category,
            Surging = r.State.InSurge,
            Baseline = r.State.Mean,
            Intervals = r.State.Intervals,
            Threshold = r.Threshold,
            EpisodeId = r.State.EpisodeId?.ToString() ?? "",
            EpisodeStartedAt = r.State.EpisodeStart is { } start ? Timestamp.FromDateTimeOffset(start) : null,
            EpisodeCount = r.State.EpisodeCount,
            EpisodeBaseline = r.State.EpisodeBaseline,
            EpisodeThreshold = r.State.EpisodeThreshold,
            AnnouncedAt = r.State.AnnouncedAt is { } announced ? Timestamp.FromDateTimeOffset(announced) : null,
        }));
        return response;
    }

    private KpiReport ToReport(KpiAnswer answer)
    {
        var (scope, period, results, fromRedis, degraded) = answer;
        var report = new KpiReport
        {
            Scope = scope.Name,
            ScopeId = scope.Id ?? "",
            Period = period.Name,
            From = Timestamp.FromDateTimeOffset(period.From),
            To = Timestamp.FromDateTimeOffset(period.To),
            AsOf = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
            Source = fromRedis ? "redis" : "postgres",
            Degraded = degraded,
        };
        report.Kpis.Add(results.Select(ToValue));
        return report;
    }

    private static KpiValue ToValue(KpiResult r) => new()
    {
        Name = r.Definition.Name,
        Value = r.Value,
        SampleCount = r.SampleCount,
        Formula = r.Definition.Formula,
        Unit = r.Definition.Unit,
    };
}
