namespace Quality.Scoring.Features.QaReviews;

/// <summary>
/// <c>/api/qa</c>: rubrics, reviews, disputes and calibration sessions. Plain HTTP endpoints (not transcoded) so bad
/// input answers ProblemDetails naming each field; gRPC callers use <c>QaService</c>, which shares <see cref="QaReviewService"/>.
/// </summary>
public static class QaEndpoints
{
    public static void MapQaEndpoints(this IEndpointRouteBuilder app)
    {
        var qa = app.MapGroup("/api/qa").WithTags("QA reviews");
        qa.MapPost("/rubrics", async (CreateRubricRequest request, QaReviewService service, HttpContext http, CancellationToken ct) =>
        {
            var rubric = await service.CreateRubricAsync(http.User, request, ct);
            return TypedResults.Created($"/api/qa/rubrics/{rubric.Id}", rubric);
        });
        qa.MapGet("/rubrics", async (QaReviewService service, CancellationToken ct, int limit = 0, int offset = 0) =>
            RubricPageResponse.From(await service.ListRubricsAsync(limit, offset, ct)));
        qa.MapGet("/rubrics/{id:guid}", (Guid id, QaReviewService service, CancellationToken ct) => service.GetRubricAsync(id, ct));
        qa.MapPost("/reviews", async (SubmitReviewRequest request, QaReviewService service, HttpContext http, CancellationToken ct) =>
        {
            var review = await service.SubmitAsync(http.User, request, ct);
            return TypedResults.Created($"/api/qa/reviews/{review.Id}", ReviewResponse.From(review));
        });
        qa.MapGet("/reviews", async (QaReviewService service, HttpContext http, CancellationToken ct,
            string? agentId = null, Guid? caseId = null, int limit = 0, int offset = 0) =>
            ReviewPageResponse.From(await service.ListAsync(http.User, new ReviewListFilter(agentId, caseId, limit, offset), ct)));
        qa.MapGet("/reviews/{id:guid}", async (Guid id, QaReviewService service, HttpContext http, CancellationToken ct) =>
            ReviewResponse.From(await service.GetAsync(http.User, id, ct)));
        qa.MapPost("/reviews/{id:guid}/dispute", async (Guid id, DisputeRequest request, QaReviewService service, HttpContext http, CancellationToken ct) =>
            ReviewResponse.From(await service.DisputeAsync(http.User, id, request, ct)));
        qa.MapPost("/reviews/{id:guid}/decision", async (Guid id, DecideDisputeRequest request, QaReviewService service, HttpContext http, CancellationToken ct) =>
            ReviewResponse.From(await service.DecideAsync(http.User, id, request, ct)));
        qa.MapPost("/calibrations", async (CreateCalibrationRequest request, QaReviewService service, HttpContext http, CancellationToken ct) =>
        {
            var report = await service.CreateCalibrationAsync(http.User, request, ct);
            return TypedResults.Created($"/api/qa/calibrations/{report.Session.Id}", CalibrationResponse.From(report));
        });
        qa.MapGet("/calibrations/{id:guid}", async (Guid id, QaReviewService service, HttpContext http, CancellationToken ct) =>
            CalibrationResponse.From(await service.GetCalibrationAsync(http.User, id, ct)));
    }
}
