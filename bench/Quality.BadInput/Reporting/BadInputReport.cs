using Quality.BadInput.Checks;

namespace Quality.BadInput.Reporting;

/// <summary>Everything a run found: each attack's outcome, stored data and service processes before and after.</summary>
public sealed record BadInputReport(
    IReadOnlyList<Outcome> Outcomes,
    IReadOnlyList<string> ChangedTables,
    IReadOnlyList<string> CrashedServices,
    IReadOnlyList<string> UnhealthyServices,
    IReadOnlyList<string> Notes,
    int HttpOperations,
    int GrpcOperations,
    TimeSpan Duration,
    int Seed)
{
    public IReadOnlyList<Outcome> Failures => [.. Outcomes.Where(o => o.Verdict == Verdict.Failed)];

    public bool Passed => Failures.Count == 0 && ChangedTables.Count == 0 && CrashedServices.Count == 0 && UnhealthyServices.Count == 0;

    /// <summary>What the results file holds: the counts and every problem, not the thousands of clear refusals.</summary>
    public object ForFile() => new
    {
        Passed,
        Requests = Outcomes.Count,
        HttpOperations,
        GrpcOperations,
        DurationSeconds = Math.Round(Duration.TotalSeconds, 1),
        Seed,
        Verdicts = Outcomes.GroupBy(o => o.Service).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new
        {
            Service = g.Key,
            Requests = g.Count(),
            Refused = g.Count(o => o.Verdict == Verdict.Refused),
            ReadsAnswered = g.Count(o => o.Verdict == Verdict.AcceptedRead),
            Failed = g.Count(o => o.Verdict == Verdict.Failed),
        }),
        Failures,
        ChangedTables,
        CrashedServices,
        UnhealthyServices,
        Notes,
    };

    /// <summary>One line per problem, for a test's assertion message or the console.</summary>
    public string Describe(int maxFailures = 40)
    {
        var lines = new List<string>();
        lines.AddRange(Failures.Take(maxFailures).Select(f => $"FAILED {f.Attack}: {f.Answer} — {f.Problem}"));
        if (Failures.Count > maxFailures)
        {
            lines.Add($"… and {Failures.Count - maxFailures} more failures");
        }

        lines.AddRange(ChangedTables.Select(t => $"STORED DATA CHANGED {t}"));
        lines.AddRange(CrashedServices.Select(s => $"CRASHED {s}"));
        lines.AddRange(UnhealthyServices.Select(s => $"UNHEALTHY {s}"));
        return string.Join(Environment.NewLine, lines);
    }
}
