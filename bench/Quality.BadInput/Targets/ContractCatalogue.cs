using Google.Api;
using Google.Protobuf.Reflection;

namespace Quality.BadInput.Targets;

/// <summary>
/// Every gRPC method in a service's contract, and the HTTP route of each one that JSON transcoding serves
/// (<c>google.api.http</c>): read from the descriptors, so a method added to a proto is attacked without anyone
/// listing it.
/// </summary>
public static class ContractCatalogue
{
    /// <summary>The contract of each service, by the name the AppHost gives it.</summary>
    public static readonly IReadOnlyDictionary<string, FileDescriptor> Contracts = new Dictionary<string, FileDescriptor>
    {
        [ResourceNames.Intake] = Quality.Intake.Grpc.IntakeReflection.Descriptor,
        [ResourceNames.Routing] = Quality.Routing.Grpc.RoutingReflection.Descriptor,
        [ResourceNames.Scoring] = Quality.Scoring.Grpc.ScoringReflection.Descriptor,
        [ResourceNames.Notifications] = Quality.Notifications.Grpc.NotificationsReflection.Descriptor,
    };

    public static IEnumerable<GrpcOperation> GrpcOperations(ServiceTarget service) =>
        service.Contract.Services.SelectMany(s => s.Methods).Select(m => new GrpcOperation(service.Name, m));

    public static IEnumerable<HttpOperation> TranscodedOperations(ServiceTarget service)
    {
        foreach (var method in service.Contract.Services.SelectMany(s => s.Methods))
        {
            if (HttpRule(method) is not { } rule)
            {
                continue;
            }

            var (verb, route) = rule.PatternCase switch
            {
                Google.Api.HttpRule.PatternOneofCase.Get => (HttpMethod.Get, rule.Get),
                Google.Api.HttpRule.PatternOneofCase.Post => (HttpMethod.Post, rule.Post),
                Google.Api.HttpRule.PatternOneofCase.Put => (HttpMethod.Put, rule.Put),
                Google.Api.HttpRule.PatternOneofCase.Delete => (HttpMethod.Delete, rule.Delete),
                Google.Api.HttpRule.PatternOneofCase.Patch => (HttpMethod.Patch, rule.Patch),
                _ => (HttpMethod.Get, ""),
            };
            if (route.Length == 0)
            {
                continue;
            }

            var inPath = RouteTemplate.Parameters(route).ToHashSet(StringComparer.Ordinal);
            var fields = method.InputType.Fields.InDeclarationOrder().Where(f => !inPath.Contains(f.Name)).ToList();
            var takesBody = rule.Body.Length > 0;
            yield return new HttpOperation(
                service.Name,
                verb,
                route,
                QueryParameters: takesBody ? [] : [.. fields.Select(f => f.JsonName)],
                BodyFields: takesBody ? [.. fields.Select(f => new BodyField(f.JsonName, JsonType(f)))] : [],
                TakesBody: takesBody,
                BodyDescribed: true,
                Streams: method.IsServerStreaming);
        }
    }

    public static Google.Api.HttpRule? HttpRule(MethodDescriptor method) =>
        method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);

    private static string JsonType(FieldDescriptor field) => field switch
    {
        { IsRepeated: true } => "array",
        { FieldType: FieldType.Bool } => "boolean",
        { FieldType: FieldType.Double or FieldType.Float } => "number",
        { FieldType: FieldType.Int32 or FieldType.UInt32 or FieldType.SInt32 or FieldType.Fixed32 or FieldType.SFixed32 } => "integer",
        // 64-bit integers travel as JSON strings in proto3's JSON mapping, but numbers are accepted too.
        { FieldType: FieldType.Int64 or FieldType.UInt64 or FieldType.SInt64 or FieldType.Fixed64 or FieldType.SFixed64 } => "integer",
        { FieldType: FieldType.Message } when field.MessageType.FullName is "google.protobuf.Timestamp" or "google.protobuf.Duration" => "string",
        { FieldType: FieldType.Message } => "object",
        _ => "string",
    };
}
