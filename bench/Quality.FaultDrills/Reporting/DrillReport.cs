using System.Globalization;
using System.Text;
using Quality.LoadGenerator.Traffic;

namespace Quality.FaultDrills.Reporting;

/// <summary>What a drill saw: the outage, the posting around it, and the reconciliation afterwards.</summary>
public sealed record DrillReport(
    string Part,
    int KilledPid,
    int RestartedPid,
    TimeSpan Down,
    TimeSpan? RateRecovered,
    double ItemsPerSecond,
    long Offered,
    long FailedAttempts,
    int AcceptedAfterRetry,
    int AcceptedAsDuplicate,
    IReadOnlyCollection<string> Abandoned,
    IReadOnlyDictionary<Channel, int> AcceptedByChannel,
    Reconciliation.Reconciliation Reconciliation)
{
    private const int ShownIds = 20;

    public bool Passed => Reconciliation.Lost == 0 && Reconciliation.Duplicated == 0 && Abandoned.Count == 0;

    public string Format()
    {
        var r = Reconciliation;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"drill: kill -9 {Part} (pid {KilledPid}), back as pid {RestartedPid} after {Down.TotalSeconds:0.0}s");
        text.AppendLine(CultureInfo.InvariantCulture, $"posting: {ItemsPerSecond:0.#} items/s, {Offered} offered, {r.Accepted} accepted ({Channels()}; {AcceptedAfterRetry} after a failed attempt, {AcceptedAsDuplicate} answered as already stored), {FailedAttempts} failed attempts, {Abandoned.Count} never accepted");
        text.AppendLine(RateRecovered is { } recovered
            ? string.Create(CultureInfo.InvariantCulture, $"throughput: back to >= 90 % of the offered rate {recovered.TotalSeconds:0.0}s after the kill")
            : "throughput: not back to >= 90 % of the offered rate before posting stopped");
        text.AppendLine(CultureInfo.InvariantCulture, $"reconciled: {r.Stored} stored in Intake, {r.Complaints} complaints, {r.Breaches.Breached} SLA breaches, lost = {r.Lost}, duplicated = {r.Duplicated}");
        Append(text, "never accepted (external ids)", Abandoned);
        Append(text, "lost in Intake (external ids)", r.IntakeLost);
        Append(text, "duplicated in Intake (external ids)", r.IntakeDuplicated);
        Append(text, "complaints without exactly their own case in Routing (feedback ids)", Ids(r.CasesLost));
        Append(text, "cases opened more than once or for a non-complaint (feedback ids)", Ids(r.CasesDuplicated));
        Append(text, "items without a fact in Scoring (feedback ids)", Ids(r.FactsLost));
        Append(text, "items with more than one fact in Scoring (feedback ids)", Ids(r.FactsDuplicated));
        Append(text, "cases whose SLA breach never fired (case ids)", Ids(r.Breaches.NotBreached));
        Append(text, "cases whose SLA breach fired more than once (case ids)", Ids(r.Breaches.BreachedTwice));
        Append(text, "breaches never alerted (case ids)", Ids(r.Breaches.NotAlerted));
        Append(text, "breaches alerted more than once (case ids)", Ids(r.Breaches.AlertedTwice));
        text.Append(Passed ? "PASSED: lost = 0, duplicated = 0" : "FAILED");
        return text.ToString();
    }

    private string Channels() =>
        string.Join(", ", AcceptedByChannel.OrderBy(c => c.Key).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key.ToString().ToLowerInvariant()} {c.Value}")));

    private static List<string> Ids(IEnumerable<Guid> ids) => [.. ids.Select(g => g.ToString())];

    private static void Append(StringBuilder text, string what, IReadOnlyCollection<string> ids)
    {
        if (ids.Count > 0)
        {
            var shown = string.Join(", ", ids.Take(ShownIds));
            text.AppendLine(CultureInfo.InvariantCulture, $"  {what}: {ids.Count}: {shown}{(ids.Count > ShownIds ? ", …" : "")}");
        }
    }
}
