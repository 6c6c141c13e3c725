using Quality.ServiceDefaults.OpenApi;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Quality.Intake.Features.Validation;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Intake.Features.ClassifierModels;

internal static class ClassifierModelEndpoints
{
    public static IEndpointRouteBuilder MapClassifierModelEndpoints(this IEndpointRouteBuilder app)
    {
        var classifier = app.MapGroup("/api/classifier").WithTags("Classifier").RequireAuthorization(Policies.QualityManager);
        classifier.MapPost("/examples", ImportExamplesAsync).DescribesBody("text/csv");
        classifier.MapDelete("/examples", DeleteExamplesAsync);
        classifier.MapPost("/models", TrainAsync);
        classifier.MapGet("/models", ListAsync);
        classifier.MapGet("/models/{id:guid}", GetAsync);
        classifier.MapGet("/active-model", GetActiveAsync);
        classifier.MapPut("/active-model", ActivateAsync);
        classifier.MapDelete("/active-model", DeactivateAsync);
        return app;
    }

    private static async Task<Results<Ok<ImportedExamples>, ProblemHttpResult>> ImportExamplesAsync(
        HttpRequest request, TrainingExampleImporter importer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) != true)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                detail: $"Send the examples as text/csv, not {request.ContentType ?? "without a Content-Type"}.");
        }

        return TypedResults.Ok(await importer.ImportAsync(request.Body, CallerScope.From(user).Subject, cancellationToken));
    }

    private static async Task<Ok<DeletedExamples>> DeleteExamplesAsync(TrainingData data, CancellationToken cancellationToken) =>
        TypedResults.Ok(new DeletedExamples(await data.DeleteImportedAsync(cancellationToken)));

    private static async Task<Accepted<ClassifierModelSummary>> TrainAsync(
        TrainModelRequest request, ClassifierModels models, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        RequestValidator.Validate(request);
        var queued = await models.QueueTrainingAsync(request, CallerScope.From(user).Subject, cancellationToken);
        return TypedResults.Accepted($"/api/classifier/models/{queued.Id}", queued);
    }

    private static async Task<Ok<ClassifierModelList>> ListAsync(ClassifierModels models, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ClassifierModelList(await models.ListAsync(cancellationToken)));

    private static async Task<Ok<ClassifierModelSummary>> GetAsync(Guid id, ClassifierModels models, CancellationToken cancellationToken) =>
        TypedResults.Ok(await models.GetAsync(id, cancellationToken));

    private static async Task<Results<Ok<ClassifierModelSummary>, NoContent>> GetActiveAsync(ClassifierModels models, CancellationToken cancellationToken) =>
        await models.GetActiveAsync(cancellationToken) is { } model ? TypedResults.Ok(model) : TypedResults.NoContent();

    private static async Task<Ok<ClassifierModelSummary>> ActivateAsync(ActivateModelRequest request, ClassifierModels models, CancellationToken cancellationToken)
    {
        RequestValidator.Validate(request);
        return TypedResults.Ok(await models.ActivateAsync(request.ModelId!.Value, cancellationToken));
    }

    private static async Task<NoContent> DeactivateAsync(ClassifierModels models, CancellationToken cancellationToken)
    {
        await models.DeactivateAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
