using System.Collections.Concurrent;
using Quality.LoadGenerator.Traffic;

namespace Quality.LoadGenerator.Measurement;

/// <summary>What one stage (one offered rate) measured. Items sent during warm-up belong to no stage.</summary>
public sealed class StageMetrics(string name, double? targetRate)
{
    private long _requests;
    private long _failedRequests;
    private long _itemsSent;
    private long _itemsStored;
    private long _duplicates;
    private long _rejected;
    private long _complaints;
    private long _maxLagTicks;

    public string Name { get; } = name;

    /// <summary>Offered items/s; null for as fast as possible.</summary>
    public double? TargetRate { get; } = targetRate;

    public long StartedAt { get; set; }

    public long StoppedAt { get; set; }

    public ConcurrentDictionary<Channel, LatencyRecorder> StoredByChannel { get; } = new();

    /// <summary>Intake → stored: from sending the request to its 2xx answer (per request).</summary>
    public LatencyRecorder Stored { get; } = new();

    /// <summary>Intake → case assigned: from sending the request to receiving <c>CaseAssigned</c> (per complaint).</summary>
    public LatencyRecorder Assigned { get; } = new();

    /// <summary>Stored → counted in Scoring's live <c>last_hour</c> KPIs (per item).</summary>
    public LatencyRecorder KpiVisible { get; } = new();

    /// <summary>SLA deadline → <c>SlaBreached</c> webhook received (per breach complaint), on this machine's wall clock.</summary>
    public LatencyRecorder BreachAlerted { get; } = new();

    public ConcurrentDictionary<string, int> Failures { get; } = new();

    public long Requests => Interlocked.Read(ref _requests);
    public long FailedRequests => Interlocked.Read(ref _failedRequests);
    public long ItemsSent => Interlocked.Read(ref _itemsSent);
    public long ItemsStored => Interlocked.Read(ref _itemsStored);
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public long Rejected => Interlocked.Read(ref _rejected);
    public long Complaints => Interlocked.Read(ref _complaints);
    public double MaxLagMilliseconds => TimeSpan.FromTicks(Interlocked.Read(ref _maxLagTicks)).TotalMilliseconds;

    public void Sent(int items)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _itemsSent, items);
    }

    public void Answered(Channel channel, double milliseconds, int stored, int duplicates, int rejected, int complaints)
    {
        Stored.Add(milliseconds);
        StoredByChannel.GetOrAdd(channel, _ => new LatencyRecorder()).Add(milliseconds);
        Interlocked.Add(ref _itemsStored, stored);
        Interlocked.Add(ref _duplicates, duplicates);
        Interlocked.Add(ref _rejected, rejected);
        Interlocked.Add(ref _complaints, complaints);
    }

    public void Failed(string reason)
    {
        Interlocked.Increment(ref _failedRequests);
        Failures.AddOrUpdate(reason, 1, (_, n) => n + 1);
    }

    public void Lagged(TimeSpan lag)
    {
        var ticks = lag.Ticks;
        long seen;
        while (ticks > (seen = Interlocked.Read(ref _maxLagTicks)) && Interlocked.CompareExchange(ref _maxLagTicks, ticks, seen) != seen)
        {
        }
    }

    public double MeasuredSeconds => StoppedAt > StartedAt ? Clock.MillisecondsBetween(StartedAt, StoppedAt) / 1000 : Clock.MillisecondsSince(StartedAt) / 1000;
}
