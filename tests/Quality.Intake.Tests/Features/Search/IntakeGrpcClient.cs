using Grpc.Core;
using Grpc.Net.Client;
using Google.Protobuf;
using Quality.Intake.Grpc;

namespace Quality.Intake.Tests.Features.Search;

/// <summary>
/// Calls Intake over native gRPC. The service compiles only the server side of intake.proto, so the calls
/// are described here with the generated messages, exactly as a generated client would send them.
/// </summary>
internal sealed class IntakeGrpcClient(GrpcChannel channel, string token)
{
    private const string Service = "quality.intake.v1.IntakeService";

    private static readonly Method<ListFeedbackRequest, ListFeedbackResponse> List = new(
        MethodType.Unary, Service, "ListFeedback", Marshaller(ListFeedbackRequest.Parser), Marshaller(ListFeedbackResponse.Parser));

    private static readonly Method<GetFeedbackRequest, Quality.Intake.Grpc.Feedback> Get = new(
        MethodType.Unary, Service, "GetFeedback", Marshaller(GetFeedbackRequest.Parser), Marshaller(Quality.Intake.Grpc.Feedback.Parser));

    private static readonly Method<GetSurveyContactRequest, SurveyContact> Contact = new(
        MethodType.Unary, Service, "GetSurveyContact", Marshaller(GetSurveyContactRequest.Parser), Marshaller(SurveyContact.Parser));

    private static readonly Method<CountFeedbackRequest, FeedbackCounts> Count = new(
        MethodType.Unary, Service, "CountFeedback", Marshaller(CountFeedbackRequest.Parser), Marshaller(FeedbackCounts.Parser));

    public Task<FeedbackCounts> CountFeedbackAsync(CountFeedbackRequest request) =>
        channel.CreateCallInvoker().AsyncUnaryCall(Count, null, Options(), request).ResponseAsync;

    public Task<SurveyContact> GetSurveyContactAsync(string feedbackId) =>
        channel.CreateCallInvoker().AsyncUnaryCall(Contact, null, Options(), new GetSurveyContactRequest { FeedbackId = feedbackId }).ResponseAsync;

    public Task<ListFeedbackResponse> ListFeedbackAsync(ListFeedbackRequest request) =>
        channel.CreateCallInvoker().AsyncUnaryCall(List, null, Options(), request).ResponseAsync;

    public Task<Quality.Intake.Grpc.Feedback> GetFeedbackAsync(string id) =>
        channel.CreateCallInvoker().AsyncUnaryCall(Get, null, Options(), new GetFeedbackRequest { FeedbackId = id }).ResponseAsync;

    private CallOptions Options() =>
        new(new Metadata { { "authorization", $"Bearer {token}" } }, cancellationToken: TestContext.Current.CancellationToken);

    private static Marshaller<T> Marshaller<T>(MessageParser<T> parser) where T : IMessage<T> =>
        Marshallers.Create(m => m.ToByteArray(), parser.ParseFrom);
}
