using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Quality.BadInput.Credentials;
using Quality.BadInput.Targets;

namespace Quality.BadInput.Attacks;

/// <summary>
/// The bad requests for one HTTP operation: refused credentials; then, with a credential that passes, broken and
/// wrongly typed bodies, hostile values in each body property, path segment and query parameter, wrong content
/// types, random bytes and sizes past the limits. Every attack is malformed in at least one way, so any 2xx to a
/// write is a finding.
/// </summary>
public static class HttpAttackGenerator
{
    /// <summary>An id that names nothing, for the path segments an attack does not aim at.</summary>
    public const string UnknownId = "5d0c6c1e-8f3b-4c8e-9a4e-00000000bad1";

    /// <summary>
    /// A body this large may be past an endpoint's body limit (each deployment sets its own): the service may then
    /// answer 413 and close the connection while the rest is still being sent, which is a refusal too.
    /// </summary>
    private const int LargeBody = 16 * 1024;

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public static IEnumerable<HttpAttack> For(HttpOperation operation, Credential working, IReadOnlyList<Credential> refused, Random random)
    {
        foreach (var credential in refused)
        {
            yield return Attack(operation, "auth", credential, BodyOf("{}"));
        }

        if (operation.TakesBody)
        {
            // A body with no required field takes any JSON object (unknown properties are ignored), so only broken
            // JSON is malformed for it. Protobuf has no required fields: every transcoded body is such a body.
            var objectsMalformed = !operation.BodyDescribed || operation.BodyFields.Any(f => f.Required);
            foreach (var (name, body) in HostileValues.Bodies.Where(b => objectsMalformed || !HostileValues.ObjectBodies.Contains(b.Name)))
            {
                yield return Attack(operation, $"body:{name}", working, BodyOf(body), mayCloseConnection: body.Length > LargeBody);
            }

            if (objectsMalformed)
            {
                yield return Attack(operation, "body:invalid-utf8", working, () => Bytes(HostileValues.InvalidUtf8Json, Json));
            }

            yield return Attack(operation, "body:bom-then-garbage", working, () => Bytes([0xEF, 0xBB, 0xBF, 0xFF, (byte)'{'], Json));
            yield return Attack(operation, "content-type:text", working, () => Text("{}", "text/plain"));
            yield return Attack(operation, "content-type:xml", working, () => Text("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", "application/xml"));
            yield return Attack(operation, "content-type:form", working, () => Text("text=%27+OR+1%3D1&role=admin", "application/x-www-form-urlencoded"));
            yield return Attack(operation, "content-type:multipart-garbage", working, () => Text("--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx", "multipart/form-data; boundary=zzz"));
            yield return Attack(operation, "content-type:none", working, () => new ByteArrayContent("{}"u8.ToArray()));
            foreach (var size in new[] { 1, 64, 4096 })
            {
                var bytes = new byte[size];
                random.NextBytes(bytes);
                yield return Attack(operation, $"body:random-{size}-bytes", working, () => Bytes(bytes, Json));
            }

            // Past a JSON endpoint's limit (1 MiB for most), within Kestrel's own.
            if (objectsMalformed)
            {
                yield return Attack(operation, "body:2-mib", working, BodyOf($"{{\"text\":\"{new string('x', 2 * 1024 * 1024)}\"}}"), mayCloseConnection: true);
            }

            foreach (var field in operation.BodyFields)
            {
                foreach (var (name, literal) in FieldValues(field))
                {
                    yield return Attack(operation, $"field:{field.Name}:{name}", working, BodyOf($"{{{JsonSerializer.Serialize(field.Name)}:{literal}}}"),
                        mayCloseConnection: literal.Length > LargeBody);
                }
            }
        }

        foreach (var parameter in operation.PathParameters)
        {
            foreach (var (name, value) in HostileValues.PathValues.Where(v => operation.Method != HttpMethod.Put || !HostileValues.PlausibleIds.Contains(v.Name)))
            {
                yield return Attack(operation, $"path:{parameter}:{name}", working, BodyOf("{}"), new Dictionary<string, string> { [parameter] = value });
            }
        }

        foreach (var parameter in operation.QueryParameters)
        {
            foreach (var (name, value) in HostileValues.QueryValues)
            {
                yield return Attack(operation, $"query:{parameter}:{name}", working, BodyOf("{}"), query: $"{Uri.EscapeDataString(parameter)}={Uri.EscapeDataString(value)}");
            }

            yield return Attack(operation, $"query:{parameter}:repeated", working, BodyOf("{}"),
                query: $"{Uri.EscapeDataString(parameter)}=1&{Uri.EscapeDataString(parameter)}=x&{Uri.EscapeDataString(parameter)}=");
        }

        yield return Attack(operation, "header:oversized", working, BodyOf("{}"), headers: [("X-Padding", new string('h', 40_000))]);
        yield return Attack(operation, "url:oversized", working, BodyOf("{}"), query: "q=" + new string('u', 20_000));
    }

    /// <summary>A body far past any endpoint's and Kestrel's limit, sent to one write per service.</summary>
    public static HttpAttack Oversized(HttpOperation operation, Credential working) =>
        Attack(operation, "body:40-mib", working, () => Bytes(new byte[40 * 1024 * 1024], Json), mayCloseConnection: true);

    /// <summary>
    /// The JSON literals sent as one property's value, each wrong for it: strings no field takes (and injections, where
    /// the field is looked up or parsed), numbers past its range, and values of another type.
    /// </summary>
    public static IEnumerable<(string Name, string Literal)> FieldValues(BodyField field)
    {
        var strings = field.Type == "string" && !FieldNames.IsIdentifying(field.Name) ? HostileValues.InvalidEverywhere : HostileValues.Strings;
        foreach (var (name, value) in field.Type == "string" ? strings : strings.Where(s => s.Name != "empty"))
        {
            yield return (name, JsonSerializer.Serialize(value));
        }

        if (field.Type == "string")
        {
            yield return ("lone-surrogate", "\"\\ud800\"");
        }

        if (field.Type is "integer" or "number")
        {
            foreach (var (name, literal) in field.Type == "integer" ? HostileValues.Numbers.Concat(HostileValues.IntegerOnlyNumbers) : HostileValues.Numbers)
            {
                yield return (name, literal);
            }
        }
        else
        {
            yield return ("number", "42");
        }

        if (field.Type != "object")
        {
            yield return ("object", "{\"$gt\":\"\"}");
        }

        if (field.Type != "boolean")
        {
            yield return ("boolean", "true");
        }

        yield return (field.Type == "array" ? "huge-array" : "array", field.Type == "array"
            ? "[" + string.Join(',', Enumerable.Repeat("\"x\"", 100_000)) + "]"
            : "[1,\"x\",null]");
    }

    private static HttpAttack Attack(
        HttpOperation operation, string kind, Credential credential, Func<HttpContent> body,
        IReadOnlyDictionary<string, string>? path = null, string? query = null, IReadOnlyList<(string, string)>? headers = null,
        bool mayCloseConnection = false)
    {
        var values = operation.PathParameters.ToDictionary(p => p, p => path?.GetValueOrDefault(p) ?? UnknownId, StringComparer.Ordinal);
        var relative = RouteTemplate.Fill(operation.Route, values) + (query is null ? "" : "?" + query);
        return new HttpAttack(operation, kind, credential, baseAddress =>
        {
            var request = new HttpRequestMessage(operation.Method, new Uri(baseAddress, relative));
            if (operation.TakesBody)
            {
                request.Content = body();
            }

            credential.ApplyTo(request);
            foreach (var (name, value) in headers ?? [])
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            return request;
        }, mayCloseConnection);
    }

    private static Func<HttpContent> BodyOf(string json) => () => Bytes(Encoding.UTF8.GetBytes(json), Json);

    private static ByteArrayContent Bytes(byte[] bytes, MediaTypeHeaderValue type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = type;
        return content;
    }

    private static StringContent Text(string text, string mediaType)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }
}
