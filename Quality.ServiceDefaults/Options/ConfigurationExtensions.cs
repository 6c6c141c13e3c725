using Microsoft.Extensions.Configuration;

namespace Quality.ServiceDefaults.Options;

public static class ConfigurationExtensions
{
    /// <summary>Reads <c>ConnectionStrings:{name}</c> or fails naming the full key and how it is usually set.</summary>
    public static string GetRequiredConnectionString(this IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Configuration value 'ConnectionStrings:{name}' is missing (environment variable ConnectionStrings__{name}).");

    /// <summary>Reads a required value or fails naming the full key.</summary>
    public static string GetRequiredValue(this IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Configuration value '{key}' is missing (environment variable {key.Replace(":", "__")}).");
}
