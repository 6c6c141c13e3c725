using Google.Protobuf.Reflection;

namespace Quality.BadInput.Targets;

/// <summary>A running service: its people-facing HTTP/1.1 endpoint, its gRPC (HTTP/2) endpoint and its contract.</summary>
public sealed record ServiceTarget(string Name, Uri Http, Uri Grpc, FileDescriptor Contract);
