using System.Globalization;
using Quality.Benchmarking.Corpus;
using Quality.Routing.Benchmark.Broker;
using Quality.Routing.Benchmark.Options;
using Quality.Routing.Benchmark.Reporting;
using Quality.Routing.Benchmark.Routing;
using Quality.Routing.Benchmark.Stages;
using RabbitMQ.Client.Exceptions;

namespace Quality.Routing.Benchmark;

/// <summary>One run: connect, then the throughput, latency and SLA sweep stages that were asked for, into a <see cref="RoutingReport"/>.</summary>
public sealed class BenchmarkRun(BenchmarkOptions options)
{
    private readonly string _runId = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
    private readonly List<string> _notes = [];

    /// <summary>The warm-up's customers, apart from the throughput (from 0), latency (1,000,000) and SLA (2,000,000) stages'.</summary>
    private const int WarmUpCustomers = 3_000_000;

    public async Task<RoutingReport> RunAsync(CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Current();
        if (machine.PreliminaryNote() is { } preliminary)
        {
            _notes.Add(preliminary);
        }

        using var routing = new RoutingApi(options.RoutingUrl, options.Token);
        await routing.CheckReachableAsync(ct).ConfigureAwait(false);
        await using var publisher = await ConnectAsync(() => ComplaintPublisher.ConnectAsync(options.RabbitMqUri, ct)).ConfigureAwait(false);
        await using var events = await ConnectAsync(() => RoutingEvents.SubscribeAsync(options.RabbitMqUri, ct)).ConfigureAwait(false);
        var context = new StageContext(options, publisher, events, routing, new ComplaintFactory(ReviewCorpus.Load(options.CorpusPath), _runId), _runId, _notes);

        ThroughputResult? throughput = null;
        LatencyResult? latency = null;
        var latencyCount = options.Duration > TimeSpan.Zero ? (long)Math.Round(options.Rate * options.Duration.TotalSeconds) : 0;
        if (options.Count > 0 || latencyCount > 0)
        {
            var agents = new BenchAgents(routing, _runId);
            try
            {
                await agents.CreateAsync(options.Agents, options.WarmUp + options.Count + latencyCount, ct).ConfigureAwait(false);
                Console.WriteLine($"{agents.Count} agents online, capacity {agents.Capacity} each ({MachineInfo.LoadLine()})");
                if (options.WarmUp > 0)
                {
                    // A fresh Routing spends much of its first minute under load compiling (tiered JIT): not measured.
                    Console.WriteLine($"Warm-up: {options.WarmUp:N0} complaints as fast as possible, not counted …");
                    var warmed = await ThroughputStage.RunAsync(context, agents.Count, agents.Capacity, options.WarmUp, WarmUpCustomers, ct).ConfigureAwait(false);
                    Console.WriteLine($"  {warmed.Assigned:N0} assigned in {warmed.Seconds:0.0} s");
                    _notes.Add($"Before the measured stages {options.WarmUp:N0} complaints were opened and assigned as fast as possible and not counted ({warmed.AssignedPerSecond:0}/s), so the stages measure warm processes.");
                }

                if (options.Count > 0)
                {
                    Console.WriteLine($"Throughput: {options.Count:N0} complaints as fast as possible …");
                    throughput = await ThroughputStage.RunAsync(context, agents.Count, agents.Capacity, options.Count, 0, ct).ConfigureAwait(false);
                }

                if (latencyCount > 0)
                {
                    Console.WriteLine($"Latency: {options.Rate:N0} complaints/s for {options.Duration.TotalSeconds:0} s …");
                    latency = await LatencyStage.RunAsync(context, ct).ConfigureAwait(false);
                }
            }
            finally
            {
                // Offline before the SLA stage, so no agent of this run could take its cases.
                if (await agents.GoOfflineAsync().ConfigureAwait(false) is { } error)
                {
                    _notes.Add(error);
                }
            }
        }

        SlaSweepResult? sla = null;
        if (options.Timers > 0)
        {
            Console.WriteLine($"SLA sweep: {options.Timers:N0} cases with first-response timers due together …");
            sla = await SlaSweepStage.RunAsync(context, throughput?.AssignedPerSecond is > 0 and var rate ? rate : null, ct).ConfigureAwait(false);
        }

        SteadySweepResult? steady = null;
        if (options.SteadyOpen > 0)
        {
            Console.WriteLine($"Steady sweep: {options.SteadyOpen:N0} cases with timers open, then {options.SteadyRate:N0} falling due per second …");
            steady = await SteadySweepStage.RunAsync(context, ct).ConfigureAwait(false);
        }

        return new RoutingReport
        {
            RunId = _runId,
            StartedAt = startedAt,
            Command = options.CommandLine,
            Machine = machine,
            Throughput = throughput,
            Latency = latency,
            SlaSweep = sla,
            SteadySweep = steady,
            Notes = _notes,
        };
    }

    private async Task<T> ConnectAsync<T>(Func<Task<T>> connect)
    {
        try
        {
            return await connect().ConfigureAwait(false);
        }
        catch (BrokerUnreachableException e)
        {
            throw new RunException($"RabbitMQ at {new Uri(options.RabbitMqUri).Authority} is not answering ({e.InnerException?.Message ?? e.Message}): start the system with scripts/run.sh or pass --rabbitmq / --env");
        }
    }
}
