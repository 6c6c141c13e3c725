using Quality.Scoring.Benchmark.Connections;
using Quality.Scoring.Benchmark.Feed;
using Quality.Scoring.Benchmark.Folding;
using Quality.Scoring.Benchmark.Options;
using Quality.Scoring.Benchmark.Queries;
using Quality.Scoring.Benchmark.Reporting;
using Quality.Scoring.Benchmark.Traffic;
using Quality.Scoring.Benchmark.Transport;

namespace Quality.Scoring.Benchmark;

/// <summary>Runs the chosen stages in order against the running system and gathers the report.</summary>
public sealed class BenchmarkRun(BenchmarkOptions options, string repositoryRoot)
{
    public async Task<BenchmarkReport> RunAsync(CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Current();
        var runId = "bench-" + Guid.NewGuid().ToString("N")[..6];
        Console.WriteLine($"run {runId}; {MachineInfo.LoadLine()}");

        using var scoring = new ScoringConnection(options.ScoringUrl, options.ScoringGrpcUrl, options.Token, Math.Max(options.Clients, 8));
        var probe = await scoring.GetKpisAsync("org", "", "last_hour", ct, TimeSpan.FromSeconds(10));
        Console.WriteLine($"Scoring answers (source {probe.Source}{(probe.Degraded ? ", degraded" : "")})");
        await using var publisher = await EventPublisher.ConnectAsync(options.RabbitMqUri, options.Publishers, ct);
        Console.WriteLine($"Scoring's queues hold {await publisher.ScoringQueueDepthAsync(ct)} ready messages");

        var random = new Random(options.Seed);
        var folding = new List<FoldResult>();
        TeamRoster? lastRoster = null;
        if (options.Stages.Contains(Stage.Fold))
        {
            var stage = new FoldStage(publisher, scoring, options.FoldTimeout);
            if (options.WarmUpEvents > 0)
            {
                // A fresh Scoring spends a good part of its first minute under load compiling (tiered JIT): not counted.
                var warmUp = CasePlanner.Plan(TeamRoster.Create($"{runId}-w", options.Teams, options.AgentsPerTeam), options.WarmUpEvents, DateTimeOffset.UtcNow, random);
                Console.WriteLine($"warm-up: {warmUp.Events.Count:N0} events ({warmUp.Cases:N0} cases) as fast as possible, not counted");
                var warmed = await stage.RunAsync(warmUp, null, _ => { }, ct);
                Console.WriteLine(warmed.Complete ? $"  warm-up folded in {warmed.FoldedSeconds:0.0} s" : $"  warm-up NOT complete: {string.Join("; ", warmed.Mismatches)}");
            }

            for (var i = 0; i < options.Rates.Count; i++)
            {
                var rate = options.Rates[i];
                var roster = TeamRoster.Create($"{runId}-f{i + 1}", options.Teams, options.AgentsPerTeam);
                var plan = CasePlanner.Plan(roster, options.Events, DateTimeOffset.UtcNow, random);
                Console.WriteLine($"fold stage {i + 1}: {plan.Events.Count:N0} events ({plan.Cases:N0} cases) at {(rate is null ? "max" : rate + "/s")}");
                var result = await stage.RunAsync(plan, rate, Console.WriteLine, ct);
                Console.WriteLine(result.Complete
                    ? $"  folded {result.Events:N0} in {result.FoldedSeconds:0.0} s = {result.FoldedPerSecond:N0}/s (published in {result.PublishSeconds:0.0} s)"
                    : $"  NOT complete after {options.FoldTimeout.TotalSeconds:0} s: {string.Join("; ", result.Mismatches)}");
                folding.Add(result);
                lastRoster = roster;
            }
        }

        TransportResult? transport = null;
        if (options.Stages.Contains(Stage.Transport))
        {
            var roster = TeamRoster.Create($"{runId}-transport", options.Teams, options.AgentsPerTeam);
            var warmUp = options.WarmUpEvents > 0 ? CasePlanner.Plan(roster, options.WarmUpEvents, DateTimeOffset.UtcNow, random) : null;
            var plan = CasePlanner.Plan(roster, options.Events, DateTimeOffset.UtcNow, random);
            Console.WriteLine($"transport stage: {plan.Events.Count:N0} events to counting consumers (after {warmUp?.Events.Count ?? 0:N0} not counted)");
            transport = await new TransportStage(publisher, options.RabbitMqUri, options.FoldTimeout).RunAsync(runId, warmUp, plan, Console.WriteLine, ct);
            Console.WriteLine(transport.Complete
                ? $"  consumed {transport.Events:N0} in {transport.ConsumedSeconds:0.0} s = {transport.ConsumedPerSecond:N0}/s (published in {transport.PublishSeconds:0.0} s)"
                : $"  NOT complete after {options.FoldTimeout.TotalSeconds:0} s");
        }

        QueryResult? queries = null;
        if (options.Stages.Contains(Stage.Query))
        {
            var team = lastRoster?.Teams[0] ?? $"{runId}-q-t01";
            var agent = lastRoster?.AgentsByTeam[team][0] ?? $"{team}-a01";
            Console.WriteLine($"query stage: {options.Clients} clients for {options.QueryDuration.TotalSeconds:0} s (team {team}, agent {agent})");
            queries = await new QueryStage(scoring).RunAsync(options.Clients, options.QueryDuration, QueryTarget.All(team, agent, options.QueryPeriods), ct);
        }

        FeedResult? feed = null;
        if (options.Stages.Contains(Stage.Feed))
        {
            var process = ScoringProcess.Find(options.DataDirectory, repositoryRoot);
            Console.WriteLine($"feed stage: {options.Subscribers:N0} streams, {options.FeedRounds} changes; Scoring pid {process?.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not found (memory not measured)"}");
            var roster = TeamRoster.Create($"{runId}-feed", Math.Min(options.Teams, 4), Math.Min(options.AgentsPerTeam, 5));
            feed = await new FeedStage(publisher, scoring, process).RunAsync(roster, options.Subscribers, options.FeedRounds, options.FeedInterval, Console.WriteLine, ct);
        }

        return new BenchmarkReport
        {
            StartedAt = startedAt,
            CommandLine = options.CommandLine,
            Machine = machine,
            Preliminary = machine.PreliminaryNote(),
            RunId = runId,
            Folding = folding,
            Transport = transport,
            Queries = queries,
            Feed = feed,
            Notes = Notes(options),
        };
    }

    private static List<string> Notes(BenchmarkOptions options) =>
    [
        (options.WarmUpEvents > 0 ? $"Before the fold stages {options.WarmUpEvents:N0} events of the same kind were folded as fast as possible and not counted, so the stages measure warm processes. " : "")
            + "Folding: realistic case histories (FeedbackReceived without a case id, CaseOpened without a team, CaseAssigned, a first CaseResponded for "
            + $"{CasePlanner.ResponseShare:P0}, a transfer to another team for {CasePlanner.TransferShare:P0}, CaseResolved for {CasePlanner.ResolveShare:P0} naming no agent, "
            + $"then CSAT/NPS/CES answers for {CasePlanner.CsatShare:P0}/{CasePlanner.NpsShare:P0}/{CasePlanner.CesShare:P0} of the resolved) across "
            + $"{options.Teams} teams of {options.AgentsPerTeam} agents, stamped 2-5 minutes before the stage, published in time order as MassTransit envelopes "
            + $"(persistent, publisher confirms, {options.Publishers} channels) straight to the events' exchanges.",
        "Folded = every team's last_hour KPIs (GetKpis by gRPC, polled every 250 ms) show exactly the plan's feedback items, first responses, resolutions, "
            + "CSAT/NPS/CES answers and backlog. Since resolutions name no agent and cases open without a team, a case's assignment and opening must be folded "
            + "too for its team's figures to match. Folded/s = events / (first publish → match); resolution 250 ms plus one poll round.",
        "Queue depth: ready messages in Scoring's six queues by passive queue declare every 250 ms (messages a consumer holds unacknowledged are not counted).",
        $"Queries: closed loop, each client calling GetKpis back to back over gRPC and HTTP (/api/kpis) for org, a team and an agent, periods {string.Join(" and ", options.QueryPeriods)} "
            + "(last_hour from Redis, day from PostgreSQL); 2 s unmeasured warm-up; each answer's source and degraded flag counted.",
        "Live feed: streams on last_hour, a tenth on org, three tenths on teams, the rest on agents; each change is one CSAT answer for an agent's case, "
            + "timed from just before its publish to the first message on each affected stream whose csat_percent sample count has grown (end to end: broker, "
            + "consumer, fact insert, fold, Redis pub/sub, the topic's re-read, gRPC). A change not seen within 5 s counts as missed. Memory: VmRSS of the "
            + "Scoring process from /proc.",
        "Transport: the same kind of traffic (and warm-up) published the same way, but to queues of the run's own (one per event type, durable, "
            + "auto-delete, Scoring's limit of 200 messages in flight each, the services' retry filter), consumed through MassTransit by scoped consumers "
            + "that only count; Scoring sees none of it. Consumed/s = events / (first publish → last consumed): what publisher, broker and receive pipeline "
            + "alone allow on this machine, the ceiling for folding.",
        "The published events also reach every other consumer bound to the same exchanges (Notifications' CaseOpened alert consumer), as in production.",
        "Percentiles are nearest rank over every sample. The machine may be shared: read the figures with the load averages.",
    ];
}
