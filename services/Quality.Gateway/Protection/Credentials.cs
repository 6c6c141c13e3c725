using Microsoft.Net.Http.Headers;

namespace Quality.Gateway.Protection;

/// <summary>The two ways a caller proves who it is to the services.</summary>
internal static class Credentials
{
    /// <summary>A channel's API key (Intake's <c>ApiKeyDefaults.HeaderName</c>).</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    public static bool Present(HttpRequest request) =>
        !string.IsNullOrWhiteSpace(request.Headers[HeaderNames.Authorization]) || !string.IsNullOrWhiteSpace(request.Headers[ApiKeyHeader]);
}
