using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quality.ServiceDefaults.Errors;

/// <summary>
/// Reads JSON strings as usual but refuses one holding a NUL character (<c>\u0000</c>), so the binding failure names
/// the property (a 400) instead of PostgreSQL refusing the text later (a 500).
/// </summary>
internal sealed class NulRejectingStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return value is not null && value.Contains('\0', StringComparison.Ordinal)
            ? throw new JsonException("The value contains a NUL character.")
            : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
