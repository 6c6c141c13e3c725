namespace Quality.Notifications.Benchmark;

/// <summary>The system could not be reached or refused the run's setup: the message is shown as is and the exit code is 1.</summary>
public sealed class RunException(string message, Exception? inner = null) : Exception(message, inner);
