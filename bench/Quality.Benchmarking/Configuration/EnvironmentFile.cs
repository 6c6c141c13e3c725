namespace Quality.Benchmarking.Configuration;

/// <summary>Reads a <c>KEY=value</c> file such as the AppHost's <c>.quality/quality.env</c> (values may be quoted as for a shell).</summary>
public static class EnvironmentFile
{
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> lines)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
            {
                // As a POSIX shell reads it, and as the AppHost writes it: a quote inside is written '\''.
                value = value[1..^1].Replace(@"'\''", "'", StringComparison.Ordinal);
            }
            else if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1];
            }

            values[line[..equals].Trim()] = value;
        }

        return values;
    }

    public static IReadOnlyDictionary<string, string> Read(string path) =>
        File.Exists(path) ? Parse(File.ReadLines(path)) : new Dictionary<string, string>();
}
