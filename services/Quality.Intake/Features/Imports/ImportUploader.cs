using Microsoft.AspNetCore.Http.Features;
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
        var settings = options.Value;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = settings.MaxUploadBytes;
        }

        if (context.Request.ContentLength > settings.MaxUploadBytes)
        {
            throw new BadHttpRequestException($"The file is larger than the {settings.MaxUploadBytes:N0} bytes accepted.", StatusCodes.Status413PayloadTooLarge);
        }

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

    /// <summary>Copies with a running count, so a body without Content-Length is also held to the limit.</summary>
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
                throw new BadHttpRequestException($"The file is larger than the {maxBytes:N0} bytes accepted.", StatusCodes.Status413PayloadTooLarge);
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
