using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Quality.ServiceDefaults.Errors;

/// <summary>
/// Refuses, before any service code sees it, what a protobuf parser accepts but nothing downstream can hold: a string
/// with a NUL character (PostgreSQL text cannot store one), and a timestamp or duration outside its type's range
/// (converting it would throw). Every field of the request is checked, nested messages included; the refusal names
/// each field by its path.
/// </summary>
public static class GrpcRequestGuard
{
    private const long MinTimestampSeconds = -62_135_596_800; // 0001-01-01
    private const long MaxTimestampSeconds = 253_402_300_799; // 9999-12-31T23:59:59
    private const long MaxDurationSeconds = 315_576_000_000; // 10,000 years, protobuf's own bound

    /// <summary>Throws <see cref="RequestValidationException"/> naming every bad field, or returns.</summary>
    public static void Check(object request)
    {
        if (request is not IMessage message)
        {
            return;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Visit(message, "", errors, depth: 0);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }

    private static void Visit(IMessage message, string prefix, Dictionary<string, string[]> errors, int depth)
    {
        // The parser already bounds nesting (100 levels); this only keeps a hostile message from costing more.
        if (depth > 32)
        {
            return;
        }

        if (Problem(message) is { } problem)
        {
            errors[prefix.TrimEnd('.')] = [problem];
            return;
        }

        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            IEnumerable<object?> values = value switch
            {
                System.Collections.IDictionary map => map.Keys.Cast<object?>().Concat(map.Values.Cast<object?>()),
                System.Collections.IEnumerable list when field.IsRepeated => list.Cast<object?>(),
                _ => [value],
            };
            foreach (var item in values)
            {
                switch (item)
                {
                    case string text when text.Contains('\0', StringComparison.Ordinal):
                        errors[path] = ["contains a NUL character"];
                        break;
                    case IMessage nested:
                        Visit(nested, path + ".", errors, depth + 1);
                        break;
                }
            }
        }
    }

    private static string? Problem(IMessage message) => message switch
    {
        Timestamp t when t.Seconds is < MinTimestampSeconds or > MaxTimestampSeconds || t.Nanos is < 0 or > 999_999_999 =>
            "is not a valid timestamp",
        Duration d when d.Seconds is < -MaxDurationSeconds or > MaxDurationSeconds || d.Nanos is < -999_999_999 or > 999_999_999
            || (d.Seconds > 0 && d.Nanos < 0) || (d.Seconds < 0 && d.Nanos > 0) =>
            "is not a valid duration",
        _ => null,
    };
}
