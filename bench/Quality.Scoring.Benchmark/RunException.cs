namespace Quality.Scoring.Benchmark;

/// <summary>The system cannot be measured (not running, refusing the token…): shown as one line, exit code 1.</summary>
public sealed class RunException(string message) : Exception(message);
