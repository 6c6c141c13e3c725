using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.WebUtilities;

namespace Quality.Intake.Features.Search;

/// <summary>
/// Where a page ended: the last item's (received at, id), the list's sort key. Opaque to clients (base64url
/// of the microseconds since the epoch, as PostgreSQL stores them, and the id), so the encoding may change.
/// </summary>
public static class FeedbackPageToken
{
    private const int Length = sizeof(long) + 16;

    public static string Encode(DateTimeOffset receivedAt, Guid id)
    {
        var bytes = new byte[Length];
        BinaryPrimitives.WriteInt64BigEndian(bytes, (receivedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond);
        id.TryWriteBytes(bytes.AsSpan(sizeof(long)), bigEndian: true, out _);
        return WebEncoders.Base64UrlEncode(bytes);
    }

    public static bool TryDecode(string token, [NotNullWhen(true)] out (DateTimeOffset ReceivedAt, Guid Id)? position)
    {
        position = null;
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(token);
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length != Length)
        {
            return false;
        }

        var micros = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (micros < 0 || micros > (DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond)
        {
            return false;
        }

        var receivedAt = new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + micros * TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
        position = (receivedAt, new Guid(bytes.AsSpan(sizeof(long)), bigEndian: true));
        return true;
    }
}
