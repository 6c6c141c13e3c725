using System.Collections.Concurrent;
using Grpc.Core;
using Quality.ServiceDefaults.Tests.Grpc;

namespace Quality.ServiceDefaults.Tests;

/// <summary>Counts attempts per key and fails the first ones on request, to observe client retries and deadlines.</summary>
internal sealed class EchoService : Grpc.EchoService.EchoServiceBase
{
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    public override Task<EchoReply> Get(EchoRequest request, ServerCallContext context) => Answer(request, context);

    public override Task<EchoReply> Create(EchoRequest request, ServerCallContext context) => Answer(request, context);

    private Task<EchoReply> Answer(EchoRequest request, ServerCallContext context)
    {
        var attempt = _attempts.AddOrUpdate(request.Key, 1, (_, n) => n + 1);
        if (attempt <= request.FailTimes)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"attempt {attempt} refused on purpose"));
        }

        var hasDeadline = context.Deadline != DateTime.MaxValue;
        return Task.FromResult(new EchoReply
        {
            Attempts = attempt,
            HadDeadline = hasDeadline,
            DeadlineSeconds = hasDeadline ? (context.Deadline - DateTime.UtcNow).TotalSeconds : 0,
        });
    }
}
