namespace Quality.Notifications.Benchmark.Reporting;

/// <summary>A whole run as written to the JSON file.</summary>
public sealed record RunReport(
    DateTimeOffset StartedAt,
    string CommandLine,
    MachineInfo Machine,
    string? Preliminary,
    string Event,
    IReadOnlyList<string> RuleSettings,
    IReadOnlyList<StageResult> Stages,
    IReadOnlyList<string> Notes);
