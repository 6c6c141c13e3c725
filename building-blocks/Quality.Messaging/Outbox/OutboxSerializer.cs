using System.Collections.Concurrent;
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

    // Resolving a type by name parses it and searches the loaded assemblies each time; a service has a handful of
    // event types and its relay publishes thousands of rows a second.
    private static readonly ConcurrentDictionary<string, Type?> Types = new(StringComparer.Ordinal);

    public static (object Message, Type Type) Deserialize(OutboxMessage row)
    {
        var type = Types.GetOrAdd(row.MessageType, name => Type.GetType(name, throwOnError: false))
            ?? throw new InvalidOperationException($"Outbox message {row.Id} has unknown type '{row.MessageType}'.");
        var message = JsonSerializer.Deserialize(row.Payload, type, Options)
            ?? throw new InvalidOperationException($"Outbox message {row.Id} has an empty payload.");
        return (message, type);
    }
}
