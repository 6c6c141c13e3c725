namespace Quality.ServiceDefaults.Authentication;

public static class QualityClaims
{
    public const string Role = "role";

    /// <summary>The team an agent or supervisor belongs to; scopes what they may see.</summary>
    public const string Team = "team";

    public const string Subject = "sub";
    public const string Name = "name";
}
