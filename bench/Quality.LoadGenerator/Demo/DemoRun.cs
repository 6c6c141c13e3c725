using System.Globalization;
using Quality.LoadGenerator.Agents;
using Quality.LoadGenerator.Measurement;
using Quality.LoadGenerator.Options;
using Quality.LoadGenerator.Traffic;

namespace Quality.LoadGenerator.Demo;

/// <summary>
/// The demo (<c>scripts/run.sh --demo</c>): sets up agents, goals and an alert rule, then drives the mix of channels at a
/// gentle rate with agents answering and resolving cases, until stopped, so every view of the dashboard moves. Nothing
/// is measured or written; a progress line every 30 s says what it did.
/// </summary>
public sealed class DemoRun(LoadOptions options, TextWriter output)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(30);

    public async Task RunAsync(CancellationToken ct)
    {
        var corpus = ReviewCorpus.Load(options.CorpusPath);
        var rate = options.Rates[0];
        using var intakeHttp = QualityHttp.Create(options.IntakeUrl, options.Token, options.Concurrency);
        using var routingHttp = QualityHttp.Create(options.RoutingUrl, options.Token, 16);
        using var scoringHttp = QualityHttp.Create(options.ScoringUrl, options.Token, 2);
        var runId = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);

        var intake = new IntakeClient(intakeHttp);
        var agents = new AgentPool(routingHttp, intake, kpis: null, options.Agents, options.AgentCapacity, options.SurveyShare, runId, options.Seed,
            options.AgentWorkTime);
        await SetUpAsync(agents, scoringHttp, ct).ConfigureAwait(false);
        output.WriteLine($"demo: {Describe(rate)} from {options.CorpusPath} ({corpus.Count} reviews), {options.Mix}; "
            + $"{options.Agents} agents of team {AgentPool.TeamId} take about {options.AgentWorkTime.TotalSeconds:0} s per case");

        var stage = new StageMetrics("demo", rate);
        var driver = new TrafficDriver(intake, corpus, options.Mix, options.Concurrency, assignments: null, kpis: null, $"demo-{runId}", options.Seed);
        using var running = CancellationTokenSource.CreateLinkedTokenSource(ct);
        agents.Start(running.Token);
        var progress = ReportProgressAsync(stage, agents, running.Token);
        try
        {
            stage.StartedAt = Clock.Now;
            await driver.RunAsync(stage, rate, TimeSpan.MaxValue, ct).ConfigureAwait(false);
        }
        finally
        {
            await running.CancelAsync().ConfigureAwait(false);
            await progress.ConfigureAwait(false);
            await agents.StopAsync().ConfigureAwait(false);
            output.WriteLine($"demo stopped: {Progress(stage, agents)}");
        }

        ct.ThrowIfCancellationRequested();
    }

    private async Task SetUpAsync(AgentPool agents, HttpClient scoring, CancellationToken ct)
    {
        try
        {
            await agents.SetUpAsync(ct).ConfigureAwait(false);
            await DemoSetup.EnsureGoalsAsync(scoring, TimeProvider.System, ct).ConfigureAwait(false);
            if (options.NotificationsUrl is { } notificationsUrl)
            {
                using var notifications = QualityHttp.Create(notificationsUrl, options.Token, 2);
                await DemoSetup.EnsureAlertRuleAsync(notifications, ct).ConfigureAwait(false);
            }
            else
            {
                output.WriteLine("demo: no Notifications URL (services__notifications__http__0, NOTIFICATIONS_URL or --notifications): no alert rule is set up");
            }
        }
        catch (Exception e) when (e is IntakeException or HttpRequestException)
        {
            throw new RunException($"setting up the demo failed: {e.Message}");
        }
    }

    private async Task ReportProgressAsync(StageMetrics stage, AgentPool agents, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(ProgressInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                output.WriteLine($"demo: {Progress(stage, agents)}");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static string Progress(StageMetrics stage, AgentPool agents)
    {
        var failures = stage.Failures.IsEmpty ? "" : $" ({string.Join(", ", stage.Failures.Select(f => $"{f.Key}: {f.Value}"))})";
        var lastError = agents.Stats.LastError is { } error ? $"; last agent error: {error}" : "";
        return $"{stage.ItemsStored} items stored, {stage.Complaints} complaints, {stage.FailedRequests} failed requests{failures}; "
            + $"agents responded to {agents.Stats.Responded}, resolved {agents.Stats.Resolved}, {agents.Stats.Surveys} CSAT answers, {agents.Stats.Errors} errors{lastError}";
    }

    private static string Describe(double? rate) =>
        rate is { } r ? $"{r.ToString("0.##", CultureInfo.InvariantCulture)} items/s" : "as fast as possible";
}
