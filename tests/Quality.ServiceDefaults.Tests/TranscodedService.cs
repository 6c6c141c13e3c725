using Grpc.Core;
using Quality.ServiceDefaults.Errors;
using Quality.ServiceDefaults.Tests.Grpc;

namespace Quality.ServiceDefaults.Tests;

/// <summary>Throws the exception its key names, the way the services' gRPC methods do.</summary>
internal sealed class TranscodedService : Grpc.TranscodedService.TranscodedServiceBase
{
    public override Task<FindReply> Find(FindRequest request, ServerCallContext context) => Answer(request.Key);

    public override Task<FindReply> Save(SaveRequest request, ServerCallContext context) => Answer(request.Key);

    private static Task<FindReply> Answer(string key) => key switch
    {
        "invalid" => throw new RequestValidationException("key", "must not be 'invalid'"),
        "missing" => throw new NotFoundException("thing missing does not exist"),
        "busy" => throw new ConflictException("thing busy is locked"),
        "bug" => throw new InvalidOperationException("secret internals"),
        _ => Task.FromResult(new FindReply { Key = key }),
    };
}
