using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Quality.Contracts;

namespace Quality.Notifications.Features.Rules;

/// <summary>Fills <c>{field}</c> placeholders from an event, and lists the placeholders a template uses.</summary>
public static partial class TemplateRenderer
{
    /// <summary>The same spelling the APIs use: camelCase fields, snake_case enum values.</summary>
    public static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();

    public static IEnumerable<string> PlaceholdersIn(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value);

    /// <summary>The event as a JSON object, as webhooks carry it.</summary>
    public static JsonElement ToJson(IntegrationEvent evt) => JsonSerializer.SerializeToElement(evt, evt.GetType(), EventJson);

    public static string Render(string template, string eventType, JsonElement data) =>
        Placeholder().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            if (name == "eventType")
            {
                return eventType;
            }

            return data.TryGetProperty(name, out var value) ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() ?? "",
                JsonValueKind.Null => "",
                _ => value.GetRawText(),
            } : m.Value;
        });
}
