using Grpc.Core;

namespace Quality.BadInput.Credentials;

/// <summary>What a request carries to say who sends it: a bearer token, a channel's API key, or nothing.</summary>
public sealed record Credential(string Name, string? BearerToken = null, string? ApiKey = null)
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static readonly Credential None = new("none");

    public void ApplyTo(HttpRequestMessage request)
    {
        if (BearerToken is not null)
        {
            // Without validation: a garbage token is the point of some attacks.
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {BearerToken}");
        }

        if (ApiKey is not null)
        {
            request.Headers.TryAddWithoutValidation(ApiKeyHeader, ApiKey);
        }
    }

    public Metadata ToMetadata()
    {
        var metadata = new Metadata();
        if (BearerToken is not null)
        {
            metadata.Add("authorization", $"Bearer {BearerToken}");
        }

        if (ApiKey is not null)
        {
            metadata.Add(ApiKeyHeader.ToLowerInvariant(), ApiKey);
        }

        return metadata;
    }

    public override string ToString() => Name;
}
