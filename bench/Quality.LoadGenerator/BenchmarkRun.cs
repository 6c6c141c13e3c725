using System.Globalization;
using Quality.LoadGenerator.Agents;
using Quality.LoadGenerator.Baseline;
using Quality.LoadGenerator.Breaches;
using Quality.LoadGenerator.Live;
using Quality.LoadGenerator.Measurement;
using Quality.LoadGenerator.Options;
using Quality.LoadGenerator.Reporting;
using Quality.LoadGenerator.Traffic;

namespace Quality.LoadGenerator;

/// <summary>
/// One run: baselines, then per offered rate a warm-up and a measured stage while agents work the cases,
/// then a drain for late assignments and KPIs; the figures become a <see cref="RunReport"/>.
/// </summary>
public sealed class BenchmarkRun(LoadOptions options)
{
    private readonly string _runId = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture) + Random.Shared.Next(0x1000, 0xffff).ToString("x", CultureInfo.InvariantCulture);
    private readonly AssignmentTracker _assignments = new();
    private readonly KpiVisibilityTracker _kpis = new();
    private readonly List<string> _notes = [];
    private TrafficDriver? _driver;
    private AgentPool? _agents;
    private StageMetrics? _stage;
    private BreachProbes? _breaches;
    private string _phase = "starting";
    private DateTime _phaseStarted = DateTime.UtcNow;

    public async Task<RunReport> RunAsync(CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Current();
        if (machine.PreliminaryNote() is { } preliminary)
        {
            _notes.Add(preliminary);
        }

        var corpus = ReviewCorpus.Load(options.CorpusPath);
        using var intakeHttp = QualityHttp.Create(options.IntakeUrl, options.Token, options.Concurrency);
        using var routingHttp = QualityHttp.Create(options.RoutingUrl, options.Token, 32);
        using var scoringHttp = QualityHttp.Create(options.ScoringUrl, options.Token, 4);
        await CheckReachableAsync(ct).ConfigureAwait(false);

        var baselines = await BaselinesAsync(ct).ConfigureAwait(false);
        await using var sampler = ProcessSampler.For(options.DataDirectory, out var samplerProblem);
        if (samplerProblem is not null)
        {
            _notes.Add(samplerProblem);
        }

        sampler?.Start();
        await using var subscription = await SubscribeAsync(ct).ConfigureAwait(false);

        using var background = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // The feed is held for the whole run: its client has no timeout.
        using var feedHttp = QualityHttp.Create(options.ScoringUrl, options.Token, 1);
        feedHttp.Timeout = Timeout.InfiniteTimeSpan;
        var feed = new KpiFeedWatcher(feedHttp, _kpis);
        var polling = feed.RunAsync(background.Token);
        await WaitAsync(() => _kpis.HasBaseline, TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
        if (!_kpis.HasBaseline)
        {
            _notes.Add("Scoring's live KPI feed sent nothing: stored → KPI visible in the feed is not measured.");
        }

        await using var breaches = await StartBreachMeasurementAsync(ct).ConfigureAwait(false);
        _breaches = breaches?.Probes;
        var intake = new IntakeClient(intakeHttp);
        _driver = new TrafficDriver(intake, corpus, options.Mix, options.Concurrency, _assignments, _kpis, _runId, options.Seed, _breaches);
        if (options.Agents > 0)
        {
            _agents = new AgentPool(routingHttp, intake, _kpis, options.Agents, options.AgentCapacity, options.SurveyShare, _runId, options.Seed,
                breaches: _breaches?.Tracker);
            await _agents.SetUpAsync(ct).ConfigureAwait(false);
            _agents.Start(background.Token);
        }
        else
        {
            _notes.Add("No agents (--agents 0): complaints wait unassigned unless other agents are online.");
        }

        var stages = new List<StageResult>();
        try
        {
            await ProgressView.ShowWhileAsync(StagesAsync(sampler, stages, ct), Status, options.Live).ConfigureAwait(false);
        }
        finally
        {
            await background.CancelAsync().ConfigureAwait(false);
            await polling.ConfigureAwait(false);
            if (_agents is not null)
            {
                await _agents.StopAsync().ConfigureAwait(false);
            }
        }

        if (stages.Where(s => s.MaxSendLagMs > 1000).Select(s => s.Name).ToList() is { Count: > 0 } behind)
        {
            _notes.Add($"The generator fell behind its schedule in {string.Join(", ", behind)}: all {options.Concurrency} request slots (--concurrency) were "
                + "busy, so the offered rate was not reached there. Latencies are measured from sending, not from the scheduled time.");
        }

        if (breaches is not null && (breaches.Probes.Tracker.Repeats > 0 || breaches.BadRequests > 0))
        {
            _notes.Add($"Breach webhooks: {breaches.Probes.Tracker.Repeats} came again for a breach already alerted (a retry or a second alert), {breaches.BadRequests} were refused (bad signature or body).");
        }

        if (feed.Errors > 0)
        {
            _notes.Add($"The live KPI feed broke {feed.Errors} times and was opened again ({feed.Messages} messages received).");
        }

        return new RunReport
        {
            RunId = _runId,
            StartedAt = startedAt,
            Command = options.CommandLine,
            Machine = machine,
            Settings = Settings(),
            Baselines = baselines,
            Stages = stages,
            Agents = _agents is null ? new Dictionary<string, long>() : new Dictionary<string, long>
            {
                ["agents"] = options.Agents,
                ["responded"] = _agents.Stats.Responded,
                ["resolved"] = _agents.Stats.Resolved,
                ["surveys"] = _agents.Stats.Surveys,
                ["errors"] = _agents.Stats.Errors,
            },
            Notes = _notes,
        };
    }

    public string? LastAgentError => _agents?.Stats.LastError;

    private async Task StagesAsync(ProcessSampler? sampler, List<StageResult> results, CancellationToken ct)
    {
        foreach (var rate in options.Rates)
        {
            var name = rate is { } r ? $"{r.ToString("0.#", CultureInfo.InvariantCulture)}/s" : "max";
            if (options.Warmup > TimeSpan.Zero)
            {
                Enter($"{name} warm-up", null);
                await _driver!.RunAsync(null, rate, options.Warmup, ct).ConfigureAwait(false);
            }

            var stage = new StageMetrics(name, rate);
            var checkpoint = sampler?.Checkpoint();
            Enter(name, stage);
            stage.StartedAt = Clock.Now;
            await _driver!.RunAsync(stage, rate, options.Duration, ct).ConfigureAwait(false);
            stage.StoppedAt = Clock.Now;
            var processes = sampler is null || checkpoint is null ? [] : sampler.Since(checkpoint, stage.MeasuredSeconds);
            var loadAfter = MachineInfo.LoadAverageNow();

            Enter($"{name} drain", stage);
            await WaitAsync(() => _assignments.WaitingFor(stage) == 0 && _kpis.Pending == 0 && (_breaches?.Tracker.WaitingFor(stage) ?? 0) == 0,
                options.Drain, ct).ConfigureAwait(false);
            results.Add(Result(stage, processes, loadAfter));
        }

        Enter("done", _stage);
    }

    private StageResult Result(StageMetrics stage, IReadOnlyList<ProcessUsage> processes, string loadAfter) => new()
    {
        Name = stage.Name,
        OfferedItemsPerSecond = stage.TargetRate,
        MeasuredSeconds = Math.Round(stage.MeasuredSeconds, 2),
        Requests = stage.Requests,
        FailedRequests = stage.FailedRequests,
        Failures = new Dictionary<string, int>(stage.Failures),
        ItemsSent = stage.ItemsSent,
        ItemsStored = stage.ItemsStored,
        ItemsRejected = stage.Rejected,
        StoredItemsPerSecond = Math.Round(stage.ItemsStored / stage.MeasuredSeconds, 1),
        MaxSendLagMs = Math.Round(stage.MaxLagMilliseconds, 1),
        Complaints = stage.Complaints,
        ComplaintsNotAssigned = stage.Complaints - stage.Assigned.Count,
        IntakeToStoredMs = stage.Stored.Summarize(),
        IntakeToStoredByChannelMs = stage.StoredByChannel.OrderBy(c => c.Key).ToDictionary(c => c.Key.ToString().ToLowerInvariant(), c => c.Value.Summarize()),
        IntakeToAssignedMs = stage.Assigned.Summarize(),
        StoredToKpiVisibleMs = stage.KpiVisible.Summarize(),
        ItemsNotVisibleInKpis = stage.ItemsStored - stage.KpiVisible.Count,
        BreachToWebhookMs = stage.BreachAlerted.Summarize(),
        BreachesNotAlerted = _breaches?.Tracker.WaitingFor(stage) ?? 0,
        Processes = processes,
        LoadAverageAfter = loadAfter,
    };

    /// <summary>The breach → webhook measurement, or null (with a note) when it is switched off or cannot be set up.</summary>
    private async Task<BreachMeasurement?> StartBreachMeasurementAsync(CancellationToken ct)
    {
        if (options.BreachShare <= 0)
        {
            return null;
        }

        if (options.NotificationsUrl is not { } notifications)
        {
            _notes.Add("No Notifications address (--notifications or NOTIFICATIONS_URL): breach → webhook is not measured.");
            return null;
        }

        var measurement = await BreachMeasurement.StartAsync(options.RoutingUrl, notifications, options.Token, _runId, options.BreachShare,
            options.BreachAfter, TimeProvider.System, ct).ConfigureAwait(false);
        _notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"Breach → webhook: {options.BreachShare:P0} of single API items carry customer tier {measurement.Probes.CustomerTier}, whose SLA policy wants a first response within {options.BreachAfter.TotalSeconds:0.#} s; agents leave their cases until the webhook comes (at most {BreachTracker.GiveUpAfter.TotalSeconds:0} s). Latency is from the deadline to the webhook's arrival, on this machine's wall clock."));
        return measurement;
    }

    private RunStatus Status()
    {
        var stage = _stage;
        var seconds = (DateTime.UtcNow - _phaseStarted).TotalSeconds;
        return new RunStatus(
            _phase, seconds,
            stage?.ItemsSent ?? 0, stage?.ItemsStored ?? 0,
            stage is null || stage.StartedAt == 0 ? 0 : stage.ItemsStored / Math.Max(stage.MeasuredSeconds, 0.001),
            stage?.FailedRequests ?? 0, _driver?.InFlight ?? 0,
            stage?.Complaints ?? 0, stage?.Assigned.Count ?? 0,
            stage?.Stored.Summarize().P99 ?? double.NaN, stage?.Assigned.Summarize().P99 ?? double.NaN,
            _kpis.Pending,
            _agents?.Stats.Resolved ?? 0, _agents?.Stats.Surveys ?? 0, _agents?.Stats.Errors ?? 0,
            MachineInfo.LoadAverageNow());
    }

    private void Enter(string phase, StageMetrics? stage)
    {
        _phase = phase;
        _phaseStarted = DateTime.UtcNow;
        _stage = stage ?? _stage;
    }

    private async Task CheckReachableAsync(CancellationToken ct)
    {
        using var anonymous = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var (name, url) in new[] { ("intake", options.IntakeUrl), ("routing", options.RoutingUrl), ("scoring", options.ScoringUrl) })
        {
            try
            {
                using var response = await anonymous.GetAsync(new Uri(url, "health"), ct).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw new RunException($"{name} at {url} is not healthy (GET /health answered {(int)response.StatusCode})");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                throw new RunException($"{name} at {url} is not answering ({e.Message}): start the system with scripts/run.sh or pass --{name}");
            }
        }

        using var scoring = QualityHttp.Create(options.ScoringUrl, options.Token, 1);
        try
        {
            await QualityHttp.SendAsync(scoring, HttpMethod.Get, "api/kpis?period=last_hour", null, ct).ConfigureAwait(false);
        }
        catch (IntakeException e) when (e.Reason is "HTTP 401" or "HTTP 403")
        {
            throw new RunException($"the token was refused ({e.Reason}): it must be an admin token signed with the system's key (QUALITY_TOKEN in .quality/quality.env)");
        }
    }

    private async Task<IReadOnlyList<BaselineResult>> BaselinesAsync(CancellationToken ct)
    {
        if (options.BaselineDuration <= TimeSpan.Zero)
        {
            return [];
        }

        Enter("baseline", null);
        var results = new List<BaselineResult>();
        results.Add(options.RabbitMqUri is null
            ? BaselineResult.Failed("rabbitmq", RabbitMqBaseline.Operation, "no AMQP URI (RABBITMQ_URI or --rabbitmq)")
            : await Guarded("rabbitmq", RabbitMqBaseline.Operation, () => RabbitMqBaseline.RunAsync(options.RabbitMqUri, options.BaselineDuration, 64, ct)).ConfigureAwait(false));
        results.Add(options.PostgresConnection is null
            ? BaselineResult.Failed("postgres", PostgresBaseline.Operation, "no connection string (POSTGRES_CONNECTION or --postgres)")
            : await Guarded("postgres", PostgresBaseline.Operation, () => PostgresBaseline.RunAsync(options.PostgresConnection, options.BaselineDuration, 16, ct)).ConfigureAwait(false));
        return results;
    }

    private static async Task<BaselineResult> Guarded(string name, string operation, Func<Task<BaselineResult>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return BaselineResult.Failed(name, operation, e.Message);
        }
    }

    private async Task<AssignmentSubscription?> SubscribeAsync(CancellationToken ct)
    {
        if (options.RabbitMqUri is null)
        {
            _notes.Add("No AMQP URI (RABBITMQ_URI or --rabbitmq): intake → assigned is not measured.");
            return null;
        }

        try
        {
            return await AssignmentSubscription.StartAsync(options.RabbitMqUri, _assignments, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _notes.Add($"Could not subscribe to {AssignmentSubscription.Exchange}: {e.Message}; intake → assigned is not measured.");
            return null;
        }
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["mix"] = options.Mix.ToString(),
        ["batch size"] = options.BatchSize.ToString(CultureInfo.InvariantCulture),
        ["duration"] = $"{options.Duration.TotalSeconds:0} s",
        ["warm-up"] = $"{options.Warmup.TotalSeconds:0} s",
        ["drain"] = $"{options.Drain.TotalSeconds:0} s",
        ["concurrency"] = options.Concurrency.ToString(CultureInfo.InvariantCulture),
        ["agents"] = options.Agents.ToString(CultureInfo.InvariantCulture),
        ["agent capacity"] = options.AgentCapacity.ToString(CultureInfo.InvariantCulture),
        ["survey share"] = options.SurveyShare.ToString("0.##", CultureInfo.InvariantCulture),
        ["corpus"] = Path.GetFileName(options.CorpusPath),
    };

    private static async Task WaitAsync(Func<bool> done, TimeSpan limit, CancellationToken ct)
    {
        var until = DateTime.UtcNow + limit;
        while (!done() && DateTime.UtcNow < until)
        {
            await Task.Delay(100, ct).ConfigureAwait(false);
        }
    }
}
