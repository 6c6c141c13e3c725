namespace Quality.LoadGenerator.Measurement;

/// <summary>Names the resource a process belongs to from its command line (<c>/proc/&lt;pid&gt;/cmdline</c>).</summary>
public static class ProcessNames
{
    public static string? Classify(string commandLine)
    {
        if (commandLine.Contains("Quality.", StringComparison.Ordinal) && commandLine.Contains(".dll", StringComparison.Ordinal))
        {
            var start = commandLine.LastIndexOf("Quality.", StringComparison.Ordinal) + "Quality.".Length;
            var end = commandLine.IndexOf(".dll", start, StringComparison.Ordinal);
            if (end > start)
            {
                return commandLine[start..end].ToLowerInvariant();
            }
        }

        if (commandLine.Contains("rabbit", StringComparison.OrdinalIgnoreCase) || commandLine.Contains("beam.smp", StringComparison.Ordinal))
        {
            return "rabbitmq";
        }

        if (commandLine.Contains("epmd", StringComparison.Ordinal))
        {
            return "epmd";
        }

        if (commandLine.Contains("redis-server", StringComparison.Ordinal))
        {
            return "redis";
        }

        if (commandLine.Contains("postgres", StringComparison.Ordinal) || commandLine.Contains("postmaster", StringComparison.Ordinal))
        {
            return "postgres";
        }

        return null;
    }
}
