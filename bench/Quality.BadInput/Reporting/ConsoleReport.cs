using System.Text;
using Quality.BadInput.Checks;

namespace Quality.BadInput.Reporting;

/// <summary>The run's verdict as text: per service, how each attack was answered; then every problem.</summary>
public static class ConsoleReport
{
    public static string Write(BadInputReport report)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"{report.Outcomes.Count} requests to {report.HttpOperations} HTTP operations and {report.GrpcOperations} gRPC methods in {report.Duration.TotalSeconds:0} s (seed {report.Seed})");
        text.AppendLine();
        text.AppendLine("| Service | Requests | Refused clearly | Reads answered | Failed |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var service in report.Outcomes.GroupBy(o => o.Service).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"| {service.Key} | {service.Count()} | {service.Count(o => o.Verdict == Verdict.Refused)} | {service.Count(o => o.Verdict == Verdict.AcceptedRead)} | {service.Count(o => o.Verdict == Verdict.Failed)} |");
        }

        text.AppendLine();
        foreach (var note in report.Notes)
        {
            text.AppendLine($"note: {note}");
        }

        text.AppendLine($"stored data: {(report.ChangedTables.Count == 0 ? "unchanged" : $"{report.ChangedTables.Count} tables changed")}; " +
            $"service processes: {(report.CrashedServices.Count == 0 ? "none crashed" : $"{report.CrashedServices.Count} crashed")}; " +
            $"health: {(report.UnhealthyServices.Count == 0 ? "all healthy" : $"{report.UnhealthyServices.Count} unhealthy")}");
        if (!report.Passed)
        {
            text.AppendLine();
            text.AppendLine(report.Describe(maxFailures: 200));
        }

        text.Append(report.Passed ? "PASSED" : "FAILED");
        return text.ToString();
    }
}
