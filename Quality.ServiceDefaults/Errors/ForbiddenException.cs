namespace Quality.ServiceDefaults.Errors;

/// <summary>The caller is known but may not do this (HTTP 403, gRPC PERMISSION_DENIED).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
