using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Quality.Notifications.Grpc;

namespace Quality.Notifications.Tests.Infrastructure;

/// <summary>
/// Calls Notifications over native gRPC. The service compiles only the server side of notifications.proto, so
/// the calls are described here with the generated messages, exactly as a generated client would send them.
/// </summary>
public sealed class NotificationsGrpcClient(GrpcChannel channel, string token)
{
    private const string Service = "quality.notifications.v1.NotificationsService";

    private static readonly Method<AcknowledgeAlertRequest, Alert> Acknowledge = new(
        MethodType.Unary, Service, "AcknowledgeAlert", Marshaller(AcknowledgeAlertRequest.Parser), Marshaller(Alert.Parser));

    private static readonly Method<WatchFeedRequest, FeedMessage> Watch = new(
        MethodType.ServerStreaming, Service, "WatchFeed", Marshaller(WatchFeedRequest.Parser), Marshaller(FeedMessage.Parser));

    /// <summary>The caller's feed stream; dispose the call to end it.</summary>
    public AsyncServerStreamingCall<FeedMessage> WatchFeed() =>
        channel.CreateCallInvoker().AsyncServerStreamingCall(Watch, null, Options(), new WatchFeedRequest());

    public Task<Alert> AcknowledgeAlertAsync(string alertId) =>
        channel.CreateCallInvoker().AsyncUnaryCall(Acknowledge, null, Options(), new AcknowledgeAlertRequest { AlertId = alertId }).ResponseAsync;

    private CallOptions Options() =>
        new(new Metadata { { "authorization", $"Bearer {token}" } }, cancellationToken: TestContext.Current.CancellationToken);

    private static Marshaller<T> Marshaller<T>(MessageParser<T> parser) where T : IMessage<T> =>
        Marshallers.Create(m => m.ToByteArray(), parser.ParseFrom);
}
