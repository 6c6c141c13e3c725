using Grpc.Core;
using Quality.Scoring.Features.QaReviews;

namespace Quality.Scoring.Grpc;

/// <summary>QA reviews over gRPC: a thin layer over <see cref="QaReviewService"/>, which the HTTP endpoints share.</summary>
public sealed class QaGrpcService(QaReviewService qa) : QaService.QaServiceBase
{
    public override async Task<RubricReport> CreateRubric(CreateRubricRequest request, ServerCallContext context) =>
        QaMessages.ToReport(await qa.CreateRubricAsync(context.GetHttpContext().User, QaMessages.ToRequest(request), context.CancellationToken));

    public override async Task<RubricReport> GetRubric(GetRubricRequest request, ServerCallContext context) =>
        QaMessages.ToReport(await qa.GetRubricAsync(QaMessages.ParseId(request.Id, "id", "rubric"), context.CancellationToken));

    public override async Task<ListRubricsResponse> ListRubrics(ListRubricsRequest request, ServerCallContext context)
    {
        var page = await qa.ListRubricsAsync(request.Limit, request.Offset, context.CancellationToken);
        var response = new ListRubricsResponse { NextOffset = page.NextOffset };
        response.Rubrics.Add(page.Items.Select(QaMessages.ToReport));
        return response;
    }

    public override async Task<ReviewReport> SubmitReview(SubmitReviewRequest request, ServerCallContext context) =>
        QaMessages.ToReport(await qa.SubmitAsync(context.GetHttpContext().User, QaMessages.ToRequest(request), context.CancellationToken));

    public override async Task<ReviewReport> GetReview(GetReviewRequest request, ServerCallContext context) =>
        QaMessages.ToReport(await qa.GetAsync(context.GetHttpContext().User, QaMessages.ParseId(request.Id, "id", "review"), context.CancellationToken));

    public override async Task<ListReviewsResponse> ListReviews(ListReviewsRequest request, ServerCallContext context)
    {
        var page = await qa.ListAsync(context.GetHttpContext().User, QaMessages.ToFilter(request), context.CancellationToken);
        var response = new ListReviewsResponse { NextOffset = page.NextOffset };
        response.Reviews.Add(page.Items.Select(QaMessages.ToReport));
        return response;
    }

    public override async Task<ReviewReport> DisputeReview(DisputeReviewRequest request, ServerCallContext context) =>
        QaMessages.ToReport(await qa.DisputeAsync(
            context.GetHttpContext().User, QaMessages.ParseId(request.Id, "id", "review"), new DisputeRequest(request.Reason), context.CancellationToken));

    public override async Task<ReviewReport> DecideDispute(DecideDisputeRequest request, ServerCallContext context) =>
        QaMessages.ToReport(await qa.DecideAsync(
            context.GetHttpContext().User, QaMessages.ParseId(request.Id, "id", "review"), QaMessages.ToRequest(request), context.CancellationToken));

    public override async Task<CalibrationSessionReport> CreateCalibration(CreateCalibrationRequest request, ServerCallContext context) =>
        QaMessages.ToReport(await qa.CreateCalibrationAsync(context.GetHttpContext().User, QaMessages.ToRequest(request), context.CancellationToken));

    public override async Task<CalibrationSessionReport> GetCalibration(GetCalibrationRequest request, ServerCallContext context) =>
        QaMessages.ToReport(await qa.GetCalibrationAsync(
            context.GetHttpContext().User, QaMessages.ParseId(request.Id, "id", "calibration session"), context.CancellationToken));

    public override async Task<ListCalibrationsResponse> ListCalibrations(ListCalibrationsRequest request, ServerCallContext context)
    {
        var page = await qa.ListCalibrationsAsync(
            context.GetHttpContext().User, request.AgentId, request.Limit, request.Offset, context.CancellationToken);
        var response = new ListCalibrationsResponse { NextOffset = page.NextOffset };
        response.Sessions.Add(page.Items.Select(QaMessages.ToReport));
        return response;
    }
}
