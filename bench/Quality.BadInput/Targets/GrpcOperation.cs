using Google.Protobuf.Reflection;

namespace Quality.BadInput.Targets;

/// <summary>A gRPC method of a service, from the contracts' descriptors.</summary>
public sealed record GrpcOperation(string Service, MethodDescriptor Method)
{
    public string Name => $"{Service} {Method.Service.FullName}/{Method.Name}";

    public bool ServerStreams => Method.IsServerStreaming;

    /// <summary>Answers without changing anything: its HTTP route is a GET, or it is a stream or a Get/List call.</summary>
    public bool IsRead =>
        ContractCatalogue.HttpRule(Method)?.PatternCase == Google.Api.HttpRule.PatternOneofCase.Get
        || Method.IsServerStreaming || Method.Name.StartsWith("Get", StringComparison.Ordinal) || Method.Name.StartsWith("List", StringComparison.Ordinal);
}
