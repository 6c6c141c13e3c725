using System.Text;

namespace Quality.Hosting;

/// <summary>Renders resource snapshots as a plain text table.</summary>
internal static class ResourceTable
{
    private static readonly string[] Headers = ["NAME", "STATE", "HEALTH", "PID", "RESTARTS", "URL"];

    public static IReadOnlyList<string> Render(IReadOnlyList<ResourceSnapshot> rows)
    {
        var cells = rows.Select(r => new[]
        {
            r.Name,
            r.State.ToString(),
            r.Health.ToString(),
            r.Pid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
            r.RestartCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.Error is null ? r.Url ?? "" : $"{r.Url} {r.Error}".Trim(),
        }).Prepend(Headers).ToList();

        var widths = Enumerable.Range(0, Headers.Length).Select(i => cells.Max(c => c[i].Length)).ToArray();
        return [.. cells.Select(c =>
        {
            var line = new StringBuilder();
            for (var i = 0; i < c.Length; i++) line.Append(c[i].PadRight(widths[i] + 2));
            return line.ToString().TrimEnd();
        })];
    }
}
