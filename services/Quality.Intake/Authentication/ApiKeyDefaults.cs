namespace Quality.Intake.Authentication;

public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>The channel a key was issued for; a channel endpoint admits only its own.</summary>
    public const string ChannelClaim = "channel";

    public const string KeyIdClaim = "api_key_id";
}
