using Quality.FaultDrills.Posting;
using Quality.FaultDrills.Processes;
using Quality.FaultDrills.Reconciliation;
using Quality.FaultDrills.Reporting;
using Quality.LoadGenerator.Breaches;
using Quality.LoadGenerator.Traffic;

namespace Quality.FaultDrills;

/// <summary>
/// One drill: posts a steady stream of feedback, kills one part with SIGKILL, waits for the AppHost to bring it back,
/// keeps posting, then stops and reconciles every accepted item end to end, each complaint's SLA breach included.
/// </summary>
public sealed class DrillRun(DrillTarget target, DrillOptions options, ReviewCorpus corpus, Action<string> log)
{
    public static readonly string[] Parts =
    [
        Quality.Contracts.ResourceNames.Routing, Quality.Contracts.ResourceNames.Intake, Quality.Contracts.ResourceNames.Scoring,
        Quality.Contracts.ResourceNames.Notifications, Quality.Contracts.ResourceNames.RabbitMQ,
        Quality.Contracts.ResourceNames.Postgres, Quality.Contracts.ResourceNames.Redis,
    ];

    /// <summary>How long after opening a drill's API complaint breaches: short, so breaches fall inside the drill.</summary>
    public static readonly TimeSpan FirstResponse = TimeSpan.FromSeconds(5);

    public async Task<DrillReport> RunAsync(CancellationToken ct)
    {
        if (!Parts.Contains(options.Part, StringComparer.Ordinal))
        {
            throw new RunException($"unknown part {options.Part}: one of {string.Join(", ", Parts)}");
        }

        var victim = AppHostChildren.Find(target.AppHostPid, options.Part)
            ?? throw new RunException($"no {options.Part} process among the children of the AppHost (pid {target.AppHostPid})");

        using var http = QualityHttp.Create(target.IntakeUrl, target.Token, connections: 64);
        http.Timeout = TimeSpan.FromSeconds(10);
        using var probeHttp = new HttpClient();
        var probe = new PartProbe(target, probeHttp);
        var runId = Guid.NewGuid().ToString("N")[..10];
        await using var breaches = await BreachSetup.CreateAsync(target.ServiceUrls[Quality.Contracts.ResourceNames.Routing],
            target.ServiceUrls[Quality.Contracts.ResourceNames.Notifications], target.Token, $"drill-{runId}", FirstResponse, webhook: null, ct);
        log($"every API complaint's case breaches its first response after {FirstResponse.TotalSeconds:0}s (customer tier {breaches.CustomerTier}; alerted in-app by rule {breaches.RuleId})");
        var stream = new FeedbackStream(new IntakeClient(http), corpus, runId, breaches.CustomerTier, options.ItemsPerSecond);

        using var stopPosting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(ct);
        log($"posting {options.ItemsPerSecond:0.#} items/s (external ids drill-{runId}-…) for {options.Before.TotalSeconds:0}s before the kill");
        var posting = stream.RunAsync(stopPosting.Token, giveUp.Token);
        PartProcess back;
        TimeSpan killedAt, down, postingEnded;
        try
        {
            await Task.Delay(options.Before, ct);
            AppHostChildren.Kill(victim);
            killedAt = stream.Elapsed;
            log($"killed {options.Part} (pid {victim.Pid}) with SIGKILL");

            back = await WaitUntilBackAsync(victim, probe, ct);
            down = stream.Elapsed - killedAt;
            log($"{options.Part} is back as pid {back.Pid} after {down.TotalSeconds:0.0}s; posting {options.After.TotalSeconds:0}s more");

            await Task.Delay(options.After, ct);
            await stopPosting.CancelAsync();
            postingEnded = stream.Elapsed;
            giveUp.CancelAfter(options.RetryTimeout);
        }
        finally
        {
            // A drill that could not go on stops posting at once, so nothing keeps running behind the error.
            if (!stopPosting.IsCancellationRequested)
            {
                await stopPosting.CancelAsync();
                await giveUp.CancelAsync();
            }

            await posting;
        }

        var accepted = stream.Accepted;
        log($"posting stopped: {accepted.Count} accepted; reconciling");
        var reconciliation = await new Reconciler(target.PostgresConnection, breaches.RuleId).SettleAsync(accepted, options.Settle, ct);
        return new DrillReport(options.Part, victim.Pid, back.Pid, down,
            ThroughputRecovery.After(stream.AcceptedPerSecond(), options.ItemsPerSecond, killedAt, postingEnded),
            options.ItemsPerSecond, stream.Offered, stream.FailedAttempts,
            accepted.Count(a => a.FailedAttempts > 0), accepted.Count(a => a.AnsweredAsDuplicate), stream.Abandoned,
            accepted.GroupBy(a => a.Channel).ToDictionary(g => g.Key, g => g.Count()), reconciliation);
    }

    private async Task<PartProcess> WaitUntilBackAsync(PartProcess victim, PartProbe probe, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.ComeBackTimeout);
        try
        {
            while (true)
            {
                if (AppHostChildren.Find(target.AppHostPid, options.Part) is { } process && process.Pid != victim.Pid
                    && await probe.AnswersAsync(options.Part, process, timeout.Token))
                {
                    return process;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new RunException($"{options.Part} did not come back within {options.ComeBackTimeout.TotalSeconds:0}s of the kill");
        }
    }
}
