namespace Quality.ServiceDefaults.Errors;

/// <summary>The named thing does not exist (HTTP 404, gRPC NOT_FOUND).</summary>
public sealed class NotFoundException(string message) : Exception(message);
