namespace Quality.Benchmarking;

/// <summary>The system cannot be driven (not running, refusing the token…): shown as one line, exit code 1.</summary>
public sealed class RunException(string message) : Exception(message);
