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
    IServiceScopeFactory scopes, ImportBatchPreparer preparer, IOptions<ImportOptions> options, TimeProvider time, ILogger<ImportRunner> logger)
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
            await FinishAsync(jobId, new PreparedImportBatch([], [], [], 0), 0, ImportStatus.Failed, "The uploaded file was lost before it could be imported (the service's spool directory was cleared); upload it again.", cancellationToken);
            return;
        }

        LogStarting(logger, jobId, job.Format, job.LastRow);
        var batchSize = options.Value.BatchSize;
        var batch = new List<ImportRow>(batchSize);

        // Three batches in flight: one written, the next classified, the one after it read from the file. Reading and
        // classifying are CPU, writing mostly waiting on PostgreSQL, so overlapping them keeps PostgreSQL busy (when
        // reading waited for the write, a tenth of the two cores sat idle during a large import). Batches still
        // commit one at a time, in order, so a restart resumes after the last committed row.
        (Task<PreparedImportBatch> Prepared, long BytesRead)? pending = null;
        var storing = Task.CompletedTask;
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
                    if (batch.Count == batchSize)
                    {
                        var next = (Prepare(jobId, batch, cancellationToken), file.Position);
                        await storing;
                        storing = StorePendingAsync(jobId, pending, cancellationToken);
                        pending = next;
                        batch = new List<ImportRow>(batchSize);
                    }
                }
            }
            catch (ImportStoppedException e)
            {
                await storing;
                await StorePendingAsync(jobId, pending, cancellationToken);
                batch.Add(ImportRow.Unreadable(e.Row, e.Reason));
                await FinishAsync(jobId, await Prepare(jobId, batch, cancellationToken), file.Position, ImportStatus.Failed,
                    $"Stopped at row {e.Row}: it {e.Reason}. The rows before it were imported; fix the file and upload the rest.", cancellationToken);
                File.Delete(job.SpoolFile);
                return;
            }
            finally
            {
                // Whatever ended the reading, no write of this job may outlive the run: a resumed run would write beside it.
                await storing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            await storing;
            await StorePendingAsync(jobId, pending, cancellationToken);
            await FinishAsync(jobId, await Prepare(jobId, batch, cancellationToken), file.Length, ImportStatus.Completed, null, cancellationToken);
        }

        File.Delete(job.SpoolFile);
        LogFinished(logger, jobId);
    }

    private Task<PreparedImportBatch> Prepare(Guid jobId, List<ImportRow> rows, CancellationToken cancellationToken) =>
        Task.Run(() => preparer.Prepare(jobId, rows, cancellationToken), cancellationToken);

    private async Task StorePendingAsync(Guid jobId, (Task<PreparedImportBatch> Prepared, long BytesRead)? pending, CancellationToken cancellationToken)
    {
        if (pending is { } batch)
        {
            await CommitAsync(jobId, await batch.Prepared, batch.BytesRead, job => job.HeartbeatAt = time.GetUtcNow(), cancellationToken);
        }
    }

    private Task FinishAsync(Guid jobId, PreparedImportBatch batch, long bytesRead, ImportStatus status, string? error, CancellationToken cancellationToken) =>
        CommitAsync(jobId, batch, bytesRead, job =>
        {
            job.Status = status;
            job.Error = error;
            job.FinishedAt = job.HeartbeatAt = time.GetUtcNow();
        }, cancellationToken);

    private async Task CommitAsync(Guid jobId, PreparedImportBatch batch, long bytesRead, Action<ImportJob> update, CancellationToken cancellationToken)
    {
        // A scope per batch: the change tracker starts empty, so memory does not grow with the file.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var result = await scope.ServiceProvider.GetRequiredService<ImportBatchStore>().StoreAsync(batch, cancellationToken);
        var rows = batch.Rows;
        db.ImportRejections.AddRange(result.Rejections);
        var job = await db.ImportJobs.SingleAsync(j => j.Id == jobId, cancellationToken);
        job.RowsRead += rows.Count;
        job.Stored += result.Stored;
        job.Duplicates += result.Duplicates;
        job.Rejected += result.Rejections.Count;
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
