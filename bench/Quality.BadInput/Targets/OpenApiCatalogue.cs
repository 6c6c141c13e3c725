using System.Net.Http.Json;
using System.Text.Json;

namespace Quality.BadInput.Targets;

/// <summary>
/// The HTTP operations a service describes in its OpenAPI document (<c>/openapi/v1.json</c>): every minimal-API
/// endpoint, with its query parameters and JSON body properties.
/// </summary>
public static class OpenApiCatalogue
{
    public const string DocumentPath = "/openapi/v1.json";

    public static async Task<IReadOnlyList<HttpOperation>> ReadAsync(HttpClient http, ServiceTarget service, CancellationToken cancellationToken)
    {
        JsonElement document;
        try
        {
            document = await http.GetFromJsonAsync<JsonElement>(new Uri(service.Http, DocumentPath), cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new RunException($"{service.Name}: its OpenAPI document {new Uri(service.Http, DocumentPath)} could not be read: {e.Message}");
        }

        return Parse(service.Name, document);
    }

    public static IReadOnlyList<HttpOperation> Parse(string service, JsonElement document)
    {
        var operations = new List<HttpOperation>();
        if (!document.TryGetProperty("paths", out var paths))
        {
            return operations;
        }

        var schemas = document.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var s) ? s : default;
        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Value.ValueKind != JsonValueKind.Object || operation.Name is "parameters" or "summary" or "description")
                {
                    continue;
                }

                var query = operation.Value.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList()
                    : [];
                var body = operation.Value.TryGetProperty("requestBody", out var requestBody) ? requestBody : default;
                JsonElement schema = default;
                var described = body.ValueKind == JsonValueKind.Object
                    && body.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json)
                    && json.TryGetProperty("schema", out schema);
                operations.Add(new HttpOperation(service, HttpMethod.Parse(operation.Name), path.Name, query,
                    described ? Fields(Resolve(schema, schemas), schemas) : [],
                    TakesBody: body.ValueKind == JsonValueKind.Object,
                    BodyDescribed: described));
            }
        }

        return operations;
    }

    private static List<BodyField> Fields(JsonElement schema, JsonElement schemas)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties))
        {
            return [];
        }

        var required = schema.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()).ToHashSet(StringComparer.Ordinal) : [];
        return [.. properties.EnumerateObject().Select(p => new BodyField(p.Name, TypeOf(Resolve(p.Value, schemas)), required.Contains(p.Name)))];
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference) && schemas.ValueKind == JsonValueKind.Object)
        {
            var name = reference.GetString()!.Split('/')[^1];
            return schemas.TryGetProperty(name, out var target) ? target : schema;
        }

        return schema;
    }

    // OpenAPI 3.1 writes a nullable type as ["null", "string"]; ASP.NET Core leaves the type out of a string
    // property with length limits, and of one it knows nothing about (also strings, in these services).
    private static string TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return "string";
        }

        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? "object" : schema.TryGetProperty("items", out _) ? "array" : "string";
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") ?? "string"
            : type.GetString() ?? "object";
    }
}
