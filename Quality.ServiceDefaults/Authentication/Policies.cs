namespace Quality.ServiceDefaults.Authentication;

/// <summary>Authorization policy names; each admits its role and every role above it.</summary>
public static class Policies
{
    public const string Supervisor = "supervisor-or-above";
    public const string QualityManager = "quality-manager-or-above";
    public const string Admin = "admin";

    /// <summary>Another Quality service; no person, whatever their role, passes it.</summary>
    public const string Service = "service";
}
