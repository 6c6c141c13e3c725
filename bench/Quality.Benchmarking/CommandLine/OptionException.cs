namespace Quality.Benchmarking.CommandLine;

/// <summary>A bad command line or environment: the message is shown as is and the exit code is 2.</summary>
public sealed class OptionException(string message) : Exception(message);
