using Microsoft.Extensions.Options;
using Quality.Intake.Infrastructure;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Features.Imports;

/// <summary>
/// Takes an upload: streams the body to the spool directory (never into memory), checks the CSV header so
/// an unreadable file is refused at once, and queues a job the worker imports in the background.
/// </summary>
public sealed class ImportUploader(IntakeDbContext db, ImportSignal signal, IOptions<ImportOptions> options, TimeProvider time)
{
    public async Task<ImportJob> UploadAsync(HttpContext context, ImportFormat format, string createdBy, CancellationToken cancellationToken)
    {
        // The endpoint's body limit (BodyLimit.Import) already refused a declared length over the limit.
        var settings = options.Value;
        Directory.CreateDirectory(settings.SpoolDirectory);
        var id = Guid.CreateVersion7();
        var path = Path.Combine(settings.SpoolDirectory, $"{id}.upload");
        try
        {
            long length;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                await CopyAsync(context.Request.Body, file, settings.MaxUploadBytes, cancellationToken);
                length = file.Length;
            }

            await CheckAsync(path, format, length, cancellationToken);
            var job = new ImportJob
            {
                Id = id,
                Format = format,
                Status = ImportStatus.Queued,
                CreatedBy = createdBy,
                CreatedAt = time.GetUtcNow(),
                Node = ImportNode.Name,
                SpoolFile = path,
                BytesTotal = length,
            };
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync(cancellationToken);
            signal.Notify();
            return job;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Copies with a running count: a chunked body is held to the limit also where the server does not enforce it (in-memory test servers).</summary>
    private static async Task CopyAsync(Stream body, Stream file, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw new BadHttpRequestException($"The file is larger than the {maxBytes:N0} bytes accepted ({ImportOptions.SectionName}:{nameof(ImportOptions.MaxUploadBytes)}).", StatusCodes.Status413PayloadTooLarge);
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private static async Task CheckAsync(string path, ImportFormat format, long length, CancellationToken cancellationToken)
    {
        if (length == 0)
        {
            throw new RequestValidationException("body", "is empty: send the file as the request body");
        }

        if (format == ImportFormat.Csv)
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024, FileOptions.Asynchronous);
            await CsvImportReader.ReadHeaderAsync(file, cancellationToken);
        }
    }
}
