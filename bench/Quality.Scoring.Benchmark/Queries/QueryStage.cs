using System.Text.Json;
using Grpc.Core;
using Quality.Scoring.Benchmark.Connections;
using Quality.Scoring.Grpc;

namespace Quality.Scoring.Benchmark.Queries;

/// <summary>
/// Closed loop: N clients each call GetKpis back to back, walking every <see cref="QueryTarget"/>, for a fixed
/// time after an unmeasured warm-up. Each answer's <c>source</c> (redis or postgres) and <c>degraded</c> flag are
/// counted, so a latency read "from Redis" really was.
/// </summary>
public sealed class QueryStage(ScoringConnection scoring)
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);

    public async Task<QueryResult> RunAsync(int clients, TimeSpan duration, IReadOnlyList<QueryTarget> targets, CancellationToken ct)
    {
        var tallies = targets.Select(t => t.Group).Distinct().ToDictionary(g => g, _ => new QueryTally());
        var measuring = false;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            for (var i = c; !stop.IsCancellationRequested; i++)
            {
                var target = targets[i % targets.Count];
                var begin = Clock.Now;
                try
                {
                    var (source, degraded) = await AskAsync(target, stop.Token);
                    if (Volatile.Read(ref measuring))
                    {
                        tallies[target.Group].Answered(Clock.MillisecondsSince(begin), source, degraded);
                    }
                }
                catch (Exception e) when (!stop.IsCancellationRequested && e is RpcException or HttpRequestException or JsonException or TaskCanceledException)
                {
                    if (Volatile.Read(ref measuring))
                    {
                        tallies[target.Group].Failed(e.Message);
                    }
                }
                catch (Exception) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }, CancellationToken.None)).ToList();

        await Task.Delay(Warmup, ct);
        Volatile.Write(ref measuring, true);
        var start = Clock.Now;
        await Task.Delay(duration, ct);
        Volatile.Write(ref measuring, false);
        var seconds = Clock.MillisecondsSince(start) / 1000;
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var rows = tallies.Select(t => t.Value.Row(t.Key)).ToList();
        var total = tallies.Values.Sum(t => t.Count);
        return new QueryResult(clients, Math.Round(seconds, 2), total, Math.Round(total / seconds, 1), rows, MachineInfo.LoadAverageNow());
    }

    private async Task<(string Source, bool Degraded)> AskAsync(QueryTarget target, CancellationToken ct)
    {
        if (target.Transport == "grpc")
        {
            var report = await scoring.Grpc.GetKpisAsync(
                new GetKpisRequest { Scope = target.Scope, ScopeId = target.ScopeId, Period = target.Period }, scoring.Headers,
                DateTime.UtcNow.AddSeconds(30), ct);
            return (report.Source, report.Degraded);
        }

        var query = $"api/kpis?scope={target.Scope}&period={target.Period}" + (target.ScopeId.Length > 0 ? $"&scopeId={Uri.EscapeDataString(target.ScopeId)}" : "");
        using var response = await scoring.Http.GetAsync(query, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {query}: {(int)response.StatusCode}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        var root = json.RootElement;
        return (root.TryGetProperty("source", out var source) ? source.GetString() ?? "" : "",
            root.TryGetProperty("degraded", out var degraded) && degraded.ValueKind == JsonValueKind.True);
    }
}
