namespace Quality.Intake.Features.Imports;

/// <param name="RejectionReport">Where the rejected rows (row number and reason) can be downloaded as CSV.</param>
public sealed record ImportJobView(
    Guid Id, ImportFormat Format, ImportStatus Status, long RowsRead, long Stored, long Duplicates, long Rejected,
    long BytesRead, long BytesTotal, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    string? Error, string RejectionReport)
{
    public static ImportJobView From(ImportJob job) => new(
        job.Id, job.Format, job.Status, job.RowsRead, job.Stored, job.Duplicates, job.Rejected, job.BytesRead, job.BytesTotal,
        job.CreatedAt, job.StartedAt, job.FinishedAt, job.Error, $"/api/imports/{job.Id}/rejections");
}
