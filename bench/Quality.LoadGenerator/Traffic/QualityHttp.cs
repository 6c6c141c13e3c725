using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Quality.LoadGenerator.Traffic;

/// <summary>HTTP clients for the services, signed in with the run's bearer token, and JSON helpers.</summary>
public static class QualityHttp
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static HttpClient Create(Uri baseAddress, string token, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        return await ReadAsync(await client.SendAsync(request, ct).ConfigureAwait(false), $"{method} {path}", ct).ConfigureAwait(false);
    }

    /// <summary>The JSON answer of a 2xx response; otherwise an <see cref="IntakeException"/> naming the status.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var code = (int)response.StatusCode;
                throw new IntakeException($"HTTP {code}", $"{what} answered {code}: {Shorten(text)}");
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                return default;
            }

            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
