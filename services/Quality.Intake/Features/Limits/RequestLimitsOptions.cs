using System.ComponentModel.DataAnnotations;

namespace Quality.Intake.Features.Limits;

/// <summary>
/// The largest request body each kind of endpoint reads, in bytes (413 above it). Each holds its largest
/// valid request with room to spare: a 20,000-character Chinese text JSON-escaped as <c>\uXXXX</c> is
/// 120 KB, a transcript of 200,000 characters 1.2 MB. Bulk files have their own limit,
/// <c>Intake:Import:MaxUploadBytes</c>.
/// </summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "Intake:Limits";

    [Range(1024, 1L << 30)]
    public long JsonBytes { get; set; } = 256 * 1024;

    [Range(1024, 1L << 30)]
    public long TranscriptBytes { get; set; } = 2 * 1024 * 1024;

    [Range(1024, 1L << 30)]
    public long BatchBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>A raw message with its attachments; the inbound-mail webhook carries it base64-encoded, a third larger.</summary>
    [Range(1024, 1L << 30)]
    public long EmailBytes { get; set; } = 32 * 1024 * 1024;
}
