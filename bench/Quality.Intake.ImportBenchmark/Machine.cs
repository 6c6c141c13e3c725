namespace Quality.Intake.ImportBenchmark;

/// <summary>How busy the machine is: figures on a shared machine mean little without it.</summary>
internal static class Machine
{
    public static string Load() =>
        File.Exists("/proc/loadavg")
            ? $"load average {string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3])} on {Environment.ProcessorCount} cores"
            : $"{Environment.ProcessorCount} cores";
}
