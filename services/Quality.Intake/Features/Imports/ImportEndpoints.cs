using Quality.ServiceDefaults.OpenApi;
using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quality.Intake.Authentication;
using Quality.Intake.Features.Channels;
using Quality.Intake.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;
using Quality.Intake.Features.Limits;

namespace Quality.Intake.Features.Imports;

internal static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(ChannelPolicies.For(ChannelNames.Import));
        imports.MapPost("/", UploadAsync).WithBodyLimit(BodyLimit.Import).DescribesBody("text/csv", "application/x-ndjson");
        imports.MapGet("/{id:guid}", GetAsync);
        imports.MapGet("/{id:guid}/rejections", RejectionsAsync);
        return app;
    }

    /// <summary>The file is the body: <c>text/csv</c>, or <c>application/x-ndjson</c> / <c>application/jsonl</c> for JSON Lines.</summary>
    private static async Task<Results<Accepted<ImportJobView>, ProblemHttpResult>> UploadAsync(
        HttpContext context, ImportUploader uploader, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (Format(context.Request.ContentType) is not { } format)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.",
                detail: "Send the file as the body with Content-Type: text/csv, or application/x-ndjson for JSON Lines.");
        }

        var job = await uploader.UploadAsync(context, format, CallerScope.From(user).Subject, cancellationToken);
        return TypedResults.Accepted($"/api/imports/{job.Id}", ImportJobView.From(job));
    }

    private static async Task<Ok<ImportJobView>> GetAsync(Guid id, IntakeDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ImportJobView.From(await FindAsync(id, db, user, cancellationToken)));

    /// <summary>Streams the report from the database: a file with many bad rows is not held in memory.</summary>
    private static async Task<PushStreamHttpResult> RejectionsAsync(Guid id, IntakeDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await FindAsync(id, db, user, cancellationToken);
        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, ImportEncoding.Utf8);
            await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            csv.WriteField("row");
            csv.WriteField("reason");
            await csv.NextRecordAsync();
            await foreach (var rejection in db.ImportRejections.AsNoTracking().Where(r => r.JobId == id).OrderBy(r => r.Row).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                csv.WriteField(rejection.Row);
                csv.WriteField(rejection.Reason);
                await csv.NextRecordAsync();
            }
        }, "text/csv; charset=utf-8", $"import-{id}-rejections.csv");
    }

    /// <summary>A job is seen by whoever uploaded it and by supervisors and above; to anyone else it does not exist.</summary>
    private static async Task<ImportJob> FindAsync(Guid id, IntakeDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        var supervisor = user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.QualityManager) || user.IsInRole(Roles.Admin);
        return job is not null && (supervisor || job.CreatedBy == CallerScope.From(user).Subject)
            ? job
            : throw new NotFoundException($"Import {id} does not exist.");
    }

    private static ImportFormat? Format(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "text/csv" => ImportFormat.Csv,
        "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/jsonlines" => ImportFormat.JsonLines,
        _ => null,
    };
}
