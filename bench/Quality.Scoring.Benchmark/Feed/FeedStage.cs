using Quality.Contracts.Intake;
using Quality.Contracts.Routing;
using Quality.Scoring.Benchmark.Connections;
using Quality.Scoring.Benchmark.Folding;
using Quality.Scoring.Benchmark.Traffic;

namespace Quality.Scoring.Benchmark.Feed;

/// <summary>
/// Opens S WatchKpis streams on the replica (a tenth on the organisation, three tenths on the teams, the rest on
/// agents), then publishes one CSAT answer at a time for an agent's case and times, per subscriber whose scope it
/// touches, publish → message showing the new answer count. Scoring's resident memory is read from /proc before
/// the streams open, once they are open, and after the changes.
/// </summary>
public sealed class FeedStage(EventPublisher publisher, ScoringConnection scoring, ScoringProcess? process)
{
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromSeconds(120);
    private const int OpenConcurrency = 50;

    public async Task<FeedResult> RunAsync(TeamRoster roster, int subscribers, int rounds, TimeSpan interval, Action<string> progress, CancellationToken ct)
    {
        var cases = await OpenCasesAsync(roster, ct);
        var memoryBefore = process?.ResidentMb();

        var agents = roster.Agents.ToList();
        var feeds = Enumerable.Range(0, subscribers).Select(i => (i % 10) switch
        {
            0 => new FeedSubscriber("org", ""),
            1 or 2 or 3 => new FeedSubscriber("team", roster.Teams[i / 10 % roster.Teams.Count]),
            _ => new FeedSubscriber("agent", agents[i % agents.Count].Agent),
        }).ToList();

        var latencies = new LatencyRecorder();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var streams = new List<Task>(subscribers);
        // Not disposed: a stream that answers after the setup timeout still releases it.
        var gate = new SemaphoreSlim(OpenConcurrency);
        {
            foreach (var feed in feeds)
            {
                await gate.WaitAsync(ct);
                streams.Add(feed.RunAsync(scoring, latencies, stop.Token));
                _ = feed.Snapshot.ContinueWith(_ => gate.Release(), TaskScheduler.Default);
            }

            await Task.WhenAny(Task.WhenAll(feeds.Select(f => f.Snapshot)), Task.Delay(SetupTimeout, ct));
        }

        var connected = feeds.Count(f => f.Snapshot.IsCompleted && f.Ended is null);
        progress($"  {connected} of {subscribers} streams open (snapshot received)");
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var memorySubscribed = process?.ResidentMb();

        var expected = 0;
        var missed = 0;
        for (var round = 0; round < rounds; round++)
        {
            var (team, agent) = agents[round % agents.Count];
            var audience = feeds.Where(f => f.Ended is null && f.Snapshot.IsCompleted && f.Sees(team, agent)).ToList();
            var at = Clock.Now;
            foreach (var feed in audience)
            {
                feed.Arm(at);
            }

            var now = DateTimeOffset.UtcNow;
            await publisher.PublishAsync(new SurveyAnswered
            {
                CorrelationId = cases[agent], OccurredAt = now, FeedbackId = Guid.NewGuid(), SurveyType = SurveyType.Csat, Score = 5, CaseId = cases[agent], AnsweredAt = now,
            }, ct);
            expected += audience.Count;
            var deadline = Clock.Now;
            while (audience.Any(f => f.Armed) && Clock.MillisecondsSince(deadline) < RoundTimeout.TotalMilliseconds)
            {
                await Task.Delay(5, ct);
            }

            missed += audience.Count(f => f.Disarm());
            await Task.Delay(interval, ct);
        }

        var memoryAfter = process?.ResidentMb();
        var stillConnected = feeds.Count(f => f.Snapshot.IsCompleted && f.Ended is null);
        await stop.CancelAsync();
        await Task.WhenAll(streams);

        return new FeedResult
        {
            Subscribers = subscribers,
            Connected = connected,
            ConnectErrors = [.. feeds.Where(f => f.Ended is not null).GroupBy(f => f.Ended!).Select(g => $"{g.Count()} × {g.Key}")],
            Connect = Percentiles.Summarize(feeds.Select(f => f.ConnectMilliseconds)),
            Rounds = rounds,
            Expected = expected,
            ChangeLatency = latencies.Summarize(),
            Missed = missed,
            StillConnected = stillConnected,
            ScoringMbBefore = memoryBefore,
            ScoringMbSubscribed = memorySubscribed,
            ScoringMbAfter = memoryAfter,
            ScoringPid = process?.Pid,
            LoadAfter = MachineInfo.LoadAverageNow(),
        };
    }

    /// <summary>One open case per agent, folded before any stream opens (each team's backlog shows its agents' cases).</summary>
    private async Task<Dictionary<string, Guid>> OpenCasesAsync(TeamRoster roster, CancellationToken ct)
    {
        var cases = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var (team, agent) in roster.Agents)
        {
            var caseId = Guid.NewGuid();
            var feedbackId = Guid.NewGuid();
            var now = DateTimeOffset.UtcNow;
            cases[agent] = caseId;
            await publisher.PublishAsync(new CaseOpened
            {
                CorrelationId = feedbackId, OccurredAt = now, CaseId = caseId, FeedbackId = feedbackId, Category = "delivery", Priority = 2, Severity = 3,
                Channel = "api", Language = "zh", OpenedAt = now,
            }, ct);
            await publisher.PublishAsync(new CaseAssigned
            {
                CorrelationId = feedbackId, OccurredAt = now, CaseId = caseId, AgentId = agent, TeamId = team, AssignedBy = "system", AssignedAt = now,
            }, ct);
        }

        var start = Clock.Now;
        while (true)
        {
            var pending = 0;
            foreach (var team in roster.Teams)
            {
                var counts = FoldStage.Counts(await scoring.GetKpisAsync("team", team, "last_hour", ct));
                pending += counts.Backlog == roster.AgentsByTeam[team].Count ? 0 : 1;
            }

            if (pending == 0)
            {
                return cases;
            }

            if (Clock.MillisecondsSince(start) > SetupTimeout.TotalMilliseconds)
            {
                throw new RunException($"the feed's {roster.Agents.Count()} setup cases were not folded within {SetupTimeout.TotalSeconds:0} s");
            }

            await Task.Delay(250, ct);
        }
    }
}
