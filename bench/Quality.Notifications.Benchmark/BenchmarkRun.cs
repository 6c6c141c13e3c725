using Quality.Notifications.Benchmark.Measurement;
using Quality.Notifications.Benchmark.Options;
using Quality.Notifications.Benchmark.Receivers;
using Quality.Notifications.Benchmark.Reporting;
using Quality.Notifications.Benchmark.Setup;
using Quality.Notifications.Benchmark.Traffic;

namespace Quality.Notifications.Benchmark;

/// <summary>
/// Runs the stages one after the other. Each stage has its own team (<c>bench-&lt;run&gt;-&lt;stage&gt;</c>), its own
/// receivers and its own rules scoped to that team, so its events reach only its receivers and never another
/// run's or another stage's. The rules are deleted at the end.
/// </summary>
public sealed class BenchmarkRun(BenchOptions options)
{
    public static readonly IReadOnlyList<string> RuleSettings =
    [
        "one webhook rule per receiver: eventTypes [SlaBreached], minSeverity 1, scope team bench-<run>-<stage>",
        "no dedupWindowSeconds (no deduplication), and every event is a new case, so its dedup key (case:target) is unique anyway",
        "throttling, digests and quiet hours apply to email only: no webhook delivery is held or suppressed",
        "service settings as the AppHost starts them (Notifications__Webhooks__*): Timeout 5 s, MaxConcurrency 64, MaxAttempts 8, BaseDelay 2 s, breaker after 5 failures for 30 s, unless overridden there",
    ];

    private readonly DeliveryTracker _tracker = new();
    private readonly List<Guid> _rules = [];
    private readonly List<string> _notes = [];

    public async Task<RunReport> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Current();
        using var api = new NotificationsApi(options.NotificationsUrl, options.Token);
        await api.CheckAsync(cancellationToken);
        await using var publisher = await EventPublisher.ConnectAsync(options.RabbitMqUri, cancellationToken);
        var runId = Guid.NewGuid().ToString("N")[..8];
        Console.WriteLine($"run {runId}: {MachineInfo.LoadLine()}");
        if (machine.PreliminaryNote() is { } busy)
        {
            Console.WriteLine(busy);
        }

        var stages = new List<StageResult>();
        try
        {
            for (var i = 0; i < options.Stages.Count; i++)
            {
                stages.Add(await RunStageAsync(i, options.Stages[i], runId, api, publisher, cancellationToken));
            }
        }
        finally
        {
            foreach (var rule in _rules)
            {
                if (await api.DeleteRuleAsync(rule, CancellationToken.None) is { } problem)
                {
                    _notes.Add($"clean-up: {problem}");
                }
            }
        }

        if (_tracker.Unknown > 0)
        {
            _notes.Add($"{_tracker.Unknown} requests carried an event this run did not publish");
        }

        _notes.Add("Deleting a rule does not cancel deliveries already queued: the dead receiver's pending deliveries keep being retried "
            + "(now refused, its port closed) until the service dead-letters them after MaxAttempts.");
        return new RunReport(startedAt, options.CommandLine, machine, machine.PreliminaryNote(), "SlaBreached", RuleSettings, stages, _notes);
    }

    private async Task<StageResult> RunStageAsync(int index, StageKind kind, string runId, NotificationsApi api, EventPublisher publisher, CancellationToken cancellationToken)
    {
        var name = kind == StageKind.Healthy ? "healthy" : "dead";
        var team = $"bench-{runId}-{name}";
        var receivers = new List<WebhookReceiver>();
        var labels = new Dictionary<Guid, string>();
        try
        {
            for (var r = 0; r < options.HealthyReceivers; r++)
            {
                receivers.Add(await WebhookReceiver.StartAsync(ReceiverKind.Healthy, r, _tracker, cancellationToken));
            }

            if (kind == StageKind.Dead)
            {
                receivers.Add(await WebhookReceiver.StartAsync(ReceiverKind.Dead, receivers.Count, _tracker, cancellationToken));
                if (options.FailingReceiver)
                {
                    receivers.Add(await WebhookReceiver.StartAsync(ReceiverKind.Failing, receivers.Count, _tracker, cancellationToken));
                }
            }

            foreach (var receiver in receivers)
            {
                var label = receiver.Kind == ReceiverKind.Healthy ? $"healthy-{receiver.Index + 1}" : receiver.Kind.ToString().ToLowerInvariant();
                var rule = await api.CreateWebhookRuleAsync($"bench {runId} {name} {label}", team, receiver.Url, cancellationToken);
                _rules.Add(rule.Id);
                labels[rule.Id] = label;
                receiver.Secret = rule.Secret;
            }

            Console.WriteLine($"stage {name}: {receivers.Count} receivers ({string.Join(", ", labels.Values)}), "
                + $"{(options.Rate is { } rate ? $"{rate:0.#} events/s" : "max rate")} for {options.Warmup.TotalSeconds:0.#} s warm-up + {options.Duration.TotalSeconds:0.#} s");

            using var progress = new CancellationTokenSource();
            var reporter = ReportProgressAsync(index, progress.Token);
            var window = await publisher.RunAsync(index, team, options.Rate, options.Warmup, options.Duration, options.MaxInFlight, _tracker, cancellationToken);
            var published = _tracker.PublishedCount(index, measuredOnly: false);
            var drained = await DrainAsync(index, published * options.HealthyReceivers, cancellationToken);
            await progress.CancelAsync();
            await reporter;

            IReadOnlyList<RuleOutcome>? outcomes = null;
            string? outcomesNote = null;
            if (options.PostgresConnection is { } postgres)
            {
                try
                {
                    outcomes = await DeliveryOutcomes.ReadAsync(postgres, labels, cancellationToken);
                }
                catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or ArgumentException)
                {
                    outcomesNote = $"not measured: reading {DeliveryOutcomes.Database} failed: {e.Message}";
                }
            }
            else
            {
                outcomesNote = "not measured: no --postgres (or POSTGRES_CONNECTION in the environment file)";
            }

            var healthy = receivers.Where(r => r.Kind == ReceiverKind.Healthy).ToList();
            return new StageResult
            {
                Name = name,
                HealthyReceivers = options.HealthyReceivers,
                DeadReceiver = kind == StageKind.Dead,
                FailingReceiver = kind == StageKind.Dead && options.FailingReceiver,
                TargetRate = options.Rate,
                Published = published,
                PublishedMeasured = _tracker.PublishedCount(index, measuredOnly: true),
                PublishRate = window.EventsPerSecond,
                PublishRefused = window.Failed,
                PublisherMaxLagMs = window.MaxLagMs,
                Figures = StageFigures.Compute(_tracker.Arrivals(index), published, options.HealthyReceivers, window.WindowStart, window.WindowEnd),
                Duplicates = _tracker.Duplicates(index),
                BadSignatures = healthy.Sum(r => r.BadSignatures),
                Unreadable = healthy.Sum(r => r.Unreadable),
                DeadRequests = receivers.Where(r => r.Kind == ReceiverKind.Dead).Sum(r => r.Requests),
                FailingRequests = receivers.Where(r => r.Kind == ReceiverKind.Failing).Sum(r => r.Requests),
                Outcomes = outcomes,
                OutcomesNote = outcomesNote,
                Drained = drained,
                LoadAverageAfter = MachineInfo.LoadAverageNow(),
            };
        }
        finally
        {
            foreach (var receiver in receivers)
            {
                await receiver.DisposeAsync();
            }
        }
    }

    /// <summary>Waits until every healthy receiver has every event of the stage, or the drain time is up.</summary>
    private async Task<bool> DrainAsync(int stage, int expected, CancellationToken cancellationToken)
    {
        var deadline = Clock.Now + (long)(options.Drain.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        while (_tracker.ArrivedCount(stage) < expected)
        {
            if (Clock.Now >= deadline)
            {
                return false;
            }

            await Task.Delay(100, cancellationToken);
        }

        return true;
    }

    private async Task ReportProgressAsync(int stage, CancellationToken cancellationToken)
    {
        var started = Clock.Now;
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
                Console.WriteLine($"  {Clock.MillisecondsSince(started) / 1000,5:0} s: published {_tracker.PublishedCount(stage, measuredOnly: false)}, "
                    + $"delivered to healthy receivers {_tracker.ArrivedCount(stage)}, {MachineInfo.LoadLine()}");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
