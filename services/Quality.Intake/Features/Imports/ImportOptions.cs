using System.ComponentModel.DataAnnotations;

namespace Quality.Intake.Features.Imports;

public sealed class ImportOptions
{
    public const string SectionName = "Intake:Import";

    /// <summary>Where uploads wait for the worker; needs room for the largest file accepted.</summary>
    public string SpoolDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "quality-intake-imports");

    /// <summary>The largest upload accepted (413 above it). 2 GiB holds several million rows.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Rows stored per transaction, with the job's progress.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>A running job whose worker has been silent this long is taken over (its worker died).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan StallAfter { get; set; } = TimeSpan.FromMinutes(2);
}
