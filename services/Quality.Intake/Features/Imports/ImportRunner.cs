using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quality.Intake.Infrastructure;

namespace Quality.Intake.Features.Imports;

/// <summary>
/// Imports one spooled file: rows are read as a stream and stored a batch at a time, each batch in one
/// transaction with its rejections and the job's progress. A row is stored whole with its events or
/// rejected with nothing stored, and a restart resumes after the last committed row.
/// </summary>
public sealed partial class ImportRunner(
    IServiceScopeFactory scopes, IOptions<ImportOptions> options, TimeProvider time, ILogger<ImportRunner> logger)
{
    public async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        ImportJob job;
        await using (var scope = scopes.CreateAsyncScope())
        {
            job = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().ImportJobs.AsNoTracking()
                .SingleAsync(j => j.Id == jobId, cancellationToken);
        }

        if (!File.Exists(job.SpoolFile))
        {
            await FinishAsync(jobId, [], 0, ImportStatus.Failed, "The uploaded file was lost before it could be imported (the service's spool directory was cleared); upload it again.", cancellationToken);
            return;
        }

        LogStarting(logger, jobId, job.Format, job.LastRow);
        var batch = new List<ImportRow>(options.Value.BatchSize);
        await using (var file = new FileStream(job.SpoolFile, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan))
        {
            var rows = job.Format == ImportFormat.Csv
                ? CsvImportReader.ReadAsync(file, job.LastRow, cancellationToken)
                : JsonLinesImportReader.ReadAsync(file, job.LastRow, cancellationToken);
            try
            {
                await foreach (var row in rows)
                {
                    batch.Add(row);
                    if (batch.Count == options.Value.BatchSize)
                    {
                        await StoreAsync(jobId, batch, file.Position, cancellationToken);
                        batch.Clear();
                    }
                }
            }
            catch (ImportStoppedException e)
            {
                batch.Add(ImportRow.Unreadable(e.Row, e.Reason));
                await FinishAsync(jobId, batch, file.Position, ImportStatus.Failed,
                    $"Stopped at row {e.Row}: it {e.Reason}. The rows before it were imported; fix the file and upload the rest.", cancellationToken);
                File.Delete(job.SpoolFile);
                return;
            }

            await FinishAsync(jobId, batch, file.Length, ImportStatus.Completed, null, cancellationToken);
        }

        File.Delete(job.SpoolFile);
        LogFinished(logger, jobId);
    }

    private Task StoreAsync(Guid jobId, List<ImportRow> rows, long bytesRead, CancellationToken cancellationToken) =>
        CommitAsync(jobId, rows, bytesRead, job => job.HeartbeatAt = time.GetUtcNow(), cancellationToken);

    private Task FinishAsync(Guid jobId, List<ImportRow> rows, long bytesRead, ImportStatus status, string? error, CancellationToken cancellationToken) =>
        CommitAsync(jobId, rows, bytesRead, job =>
        {
            job.Status = status;
            job.Error = error;
            job.FinishedAt = job.HeartbeatAt = time.GetUtcNow();
        }, cancellationToken);

    private async Task CommitAsync(Guid jobId, List<ImportRow> rows, long bytesRead, Action<ImportJob> update, CancellationToken cancellationToken)
    {
        // A scope per batch: the change tracker starts empty, so memory does not grow with the file.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var readable = rows.Where(r => r.Request is not null).ToList();
        var rejections = rows.Where(r => r.Error is not null).Select(r => new ImportRejection { JobId = jobId, Row = r.Row, Reason = r.Error! }).ToList();
        var result = await scope.ServiceProvider.GetRequiredService<ImportBatchStore>().StoreAsync(jobId, readable, cancellationToken);
        rejections.AddRange(result.Rejections);
        var (stored, duplicates) = (result.Stored, result.Duplicates);

        db.ImportRejections.AddRange(rejections);
        var job = await db.ImportJobs.SingleAsync(j => j.Id == jobId, cancellationToken);
        job.RowsRead += rows.Count;
        job.Stored += stored;
        job.Duplicates += duplicates;
        job.Rejected += rejections.Count;
        job.BytesRead = bytesRead;
        if (rows.Count > 0)
        {
            job.LastRow = Math.Max(job.LastRow, rows.Max(r => r.Row));
        }

        update(job);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(LogLevel.Information, "Import {JobId} ({Format}) starting after row {LastRow}")]
    private static partial void LogStarting(ILogger logger, Guid jobId, ImportFormat format, long lastRow);

    [LoggerMessage(LogLevel.Information, "Import {JobId} finished")]
    private static partial void LogFinished(ILogger logger, Guid jobId);
}
