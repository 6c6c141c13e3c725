namespace Quality.Hosting;

/// <summary>
/// A failure the user can act on: a missing binary, a busy port, a locked data directory,
/// a resource that never became healthy. The message is one line and says what to do.
/// </summary>
public sealed class HostingException(string message, Exception? inner = null) : Exception(message, inner);
