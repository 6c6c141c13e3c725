using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Quality.Notifications.Features.Surveys;

/// <summary>
/// Whether a case falls in the sample, decided by its id alone: every replica and every redelivery decides the
/// same, and SHA-256 spreads sequential (v7) ids evenly over [0, 1).
/// </summary>
public static class SurveySampling
{
    public static bool Includes(Guid caseId, double sampleRate)
    {
        if (sampleRate >= 1)
        {
            return true;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(caseId.ToByteArray(), hash);
        // The top 53 bits, as a double in [0, 1).
        var position = (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) / (double)(1UL << 53);
        return position < sampleRate;
    }
}
