namespace Quality.ServiceDefaults.Errors;

/// <summary>The request is valid but the current state forbids it (HTTP 409, gRPC FAILED_PRECONDITION).</summary>
public sealed class ConflictException(string message) : Exception(message);
