using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Quality.BadInput.Credentials;
using Quality.BadInput.Targets;

namespace Quality.BadInput.Attacks;

/// <summary>
/// The bad calls for one gRPC method: refused credentials; then bytes that are not protobuf (random, truncated,
/// lying about lengths, wrong wire types, past the size limit); then a request whose one field holds a hostile
/// value: injections and invalid UTF-8 in strings, numbers at their extremes, enum values that do not exist,
/// timestamps and durations outside their ranges, and huge repeated fields.
/// </summary>
public static class GrpcAttackGenerator
{
    public static IEnumerable<GrpcAttack> For(GrpcOperation operation, Credential working, IReadOnlyList<Credential> refused, Random random)
    {
        foreach (var credential in refused)
        {
            yield return new GrpcAttack(operation, "auth", credential, []);
        }

        // An empty request, and unknown fields, are valid protobuf: malformed only where the method needs a field.
        var fields = operation.Method.InputType.Fields.InDeclarationOrder();
        if (fields.Count > 0)
        {
            yield return new GrpcAttack(operation, "wire:defaults", working, []);
            yield return new GrpcAttack(operation, "wire:unknown-field", working, [0xB8, 0x3E, 0x01, 0xC2, 0x3E, 0x03, 0xFF, 0xFE, 0xFD]);
        }


        foreach (var size in new[] { 1, 7, 64, 4096 })
        {
            var bytes = new byte[size];
            random.NextBytes(bytes);
            yield return new GrpcAttack(operation, $"wire:random-{size}-bytes", working, bytes);
        }

        // Field 1, length-delimited, claiming about 4 GiB that never come.
        yield return new GrpcAttack(operation, "wire:lying-length", working, [0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x41]);
        yield return new GrpcAttack(operation, "wire:truncated-varint", working, [0x08, 0xFF]);
        // Field 1 as a fixed64 whatever its declared type.
        if (operation.Method.InputType.FindFieldByNumber(1) is not null)
        {
            yield return new GrpcAttack(operation, "wire:wrong-wire-type", working, [0x09, 1, 2, 3, 4, 5, 6, 7, 8]);
        }

        yield return new GrpcAttack(operation, "wire:group-tags", working, [0x0B, 0x0B, 0x0B, 0x0C]);
        // Past the 4 MiB a gRPC server accepts by default: an unknown field 15 carrying 5 MiB.
        yield return new GrpcAttack(operation, "wire:5-mib", working, LengthDelimited(15, new byte[5 * 1024 * 1024]));

        foreach (var field in fields)
        {
            if (field.IsMap)
            {
                continue;
            }

            if (field.FieldType == FieldType.String)
            {
                // Protobuf strings must be UTF-8; these bytes are not.
                yield return new GrpcAttack(operation, $"field:{field.Name}:invalid-utf8", working, LengthDelimited(field.FieldNumber, HostileValues.InvalidUtf8Json));
            }

            foreach (var (name, value) in Values(field))
            {
                var message = (IMessage)Activator.CreateInstance(operation.Method.InputType.ClrType)!;
                if (field.IsRepeated)
                {
                    var list = (IList)field.Accessor.GetValue(message);
                    for (var i = 0; i < (name == "huge-repeated" ? 100_000 : 1); i++)
                    {
                        list.Add(value);
                    }
                }
                else
                {
                    field.Accessor.SetValue(message, value);
                }

                yield return new GrpcAttack(operation, $"field:{field.Name}:{name}", working, message.ToByteArray());
            }
        }
    }

    private static IEnumerable<(string Name, object Value)> Values(FieldDescriptor field)
    {
        // A wrapper (google.protobuf.DoubleValue…) is its one field's value, nullable, in C#.
        if (field.FieldType == FieldType.Message && field.MessageType.File == WrappersReflection.Descriptor)
        {
            field = field.MessageType.FindFieldByNumber(1);
        }

        IEnumerable<(string, object)> values = field.FieldType switch
        {
            FieldType.String => (FieldNames.IsIdentifying(field.Name) ? HostileValues.Strings : HostileValues.InvalidEverywhere).Select(s => (s.Name, (object)s.Value)),
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => [("negative", -1), ("max", int.MaxValue), ("min", int.MinValue)],
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => [("negative", -1L), ("max", long.MaxValue), ("min", long.MinValue)],
            FieldType.UInt32 or FieldType.Fixed32 => [("max", uint.MaxValue)],
            FieldType.UInt64 or FieldType.Fixed64 => [("max", ulong.MaxValue)],
            FieldType.Double => [("nan", double.NaN), ("infinity", double.PositiveInfinity), ("negative-infinity", double.NegativeInfinity), ("huge", 1e308)],
            FieldType.Float => [("nan", float.NaN), ("infinity", float.PositiveInfinity)],
            FieldType.Enum => [("unknown-enum", System.Enum.ToObject(field.EnumType.ClrType, 9999)), ("negative-enum", System.Enum.ToObject(field.EnumType.ClrType, -1))],
            FieldType.Bytes => [("random-bytes", ByteString.CopyFrom(0xFF, 0x00, 0xFE))],
            FieldType.Message => MessageValues(field.MessageType),
            _ => [],
        };
        foreach (var value in values)
        {
            yield return value;
        }

        if (field.IsRepeated && field.FieldType is FieldType.String)
        {
            yield return ("huge-repeated", "x");
        }
    }

    private static IEnumerable<(string, object)> MessageValues(MessageDescriptor type) => type.FullName switch
    {
        // Past year 9999 and before year 1: valid protobuf, out of range for every clock.
        "google.protobuf.Timestamp" =>
        [
            ("year-10000", new Timestamp { Seconds = 253_402_300_800 }),
            ("before-year-1", new Timestamp { Seconds = -62_135_596_801 }),
            ("negative-nanos", new Timestamp { Seconds = 0, Nanos = -1 }),
            ("nanos-overflow", new Timestamp { Seconds = 0, Nanos = 2_000_000_000 }),
        ],
        "google.protobuf.Duration" =>
        [
            ("negative", new Duration { Seconds = -3600 }),
            ("beyond-range", new Duration { Seconds = 315_576_000_001 }),
            ("mixed-signs", new Duration { Seconds = 10, Nanos = -5 }),
        ],
        _ => [],
    };

    private static byte[] LengthDelimited(int fieldNumber, byte[] value)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(fieldNumber, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(value));
        output.Flush();
        return stream.ToArray();
    }
}
