using System.Text.Json;
using Quality.Contracts;

namespace Quality.Messaging.Outbox;

/// <summary>How events are stored in the outbox and turned back into objects to publish.</summary>
internal static class OutboxSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Type name without assembly version, so rows written before an upgrade still resolve after it.</summary>
    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static string Serialize(IntegrationEvent @event) => JsonSerializer.Serialize(@event, @event.GetType(), Options);

    public static (object Message, Type Type) Deserialize(OutboxMessage row)
    {
        var type = Type.GetType(row.MessageType, throwOnError: false)
            ?? throw new InvalidOperationException($"Outbox message {row.Id} has unknown type '{row.MessageType}'.");
        var message = JsonSerializer.Deserialize(row.Payload, type, Options)
            ?? throw new InvalidOperationException($"Outbox message {row.Id} has an empty payload.");
        return (message, type);
    }
}
