using System.Text.Json;
using System.Text.Json.Nodes;

namespace Quality.Benchmarking.Messaging;

/// <summary>
/// The JSON envelope MassTransit 8 puts on the wire (<c>application/vnd.masstransit+json</c>), so a bench tool can
/// publish an event straight to RabbitMQ that the services consume exactly as if a service had published it, and
/// read the events they publish without MassTransit. A message type's exchange, and its URN in
/// <c>messageType</c>, are its namespace and name: <c>Quality.Contracts.Intake:ComplaintRaised</c>.
/// </summary>
public static class MassTransitEnvelope
{
    public const string ContentType = "application/vnd.masstransit+json";

    private static readonly JsonSerializerOptions MessageJson = new(JsonSerializerDefaults.Web);

    /// <summary>The fanout exchange MassTransit publishes <paramref name="type"/> to.</summary>
    public static string ExchangeName(Type type) => $"{type.Namespace}:{type.Name}";

    /// <summary>
    /// The URNs of the type and its base classes (not <see cref="object"/>), most derived first, as MassTransit
    /// lists them; a consumer of any of them recognises the message.
    /// </summary>
    public static IReadOnlyList<string> MessageTypes(Type type)
    {
        var urns = new List<string>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            urns.Add($"urn:message:{ExchangeName(t)}");
        }

        return urns;
    }

    /// <summary>
    /// The envelope of <paramref name="message"/> published to its type's exchange on <paramref name="brokerHost"/>.
    /// <paramref name="messageId"/> is what the consumers' inboxes deduplicate on, so it must be unique per event.
    /// </summary>
    public static byte[] Serialize<T>(T message, Guid messageId, Guid? correlationId, string brokerHost, DateTimeOffset sentAt) where T : notnull
    {
        var envelope = new JsonObject
        {
            ["messageId"] = messageId.ToString(),
            ["correlationId"] = correlationId?.ToString(),
            ["conversationId"] = messageId.ToString(),
            ["sourceAddress"] = $"rabbitmq://{brokerHost}/quality_bench",
            ["destinationAddress"] = $"rabbitmq://{brokerHost}/{ExchangeName(typeof(T))}",
            ["messageType"] = new JsonArray([.. MessageTypes(typeof(T)).Select(urn => (JsonNode?)JsonValue.Create(urn))]),
            ["message"] = JsonSerializer.SerializeToNode(message, MessageJson),
            ["sentTime"] = sentAt.UtcDateTime.ToString("O"),
            ["headers"] = new JsonObject(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(envelope);
    }

    /// <summary>The <c>message</c> of an envelope (a clone, safe to keep); null when the body is not an envelope.</summary>
    public static JsonElement? Message(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("message", out var message)
                ? message.Clone()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The feedback id an envelope carries: the event's own correlation id, else the envelope's.</summary>
    public static Guid? CorrelationId(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
                && message.TryGetProperty("correlationId", out var inner) && inner.TryGetGuid(out var id))
            {
                return id;
            }

            return root.TryGetProperty("correlationId", out var outer) && outer.ValueKind == JsonValueKind.String && outer.TryGetGuid(out id) ? id : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
