using Quality.ServiceDefaults.Authentication;

namespace Quality.Routing.Features.Access;

/// <summary>How senior each role is: agent, supervisor, quality manager, admin. Someone may act for any role at or below their own.</summary>
public static class RoleRanks
{
    private static readonly string[] Order = [Roles.Agent, Roles.Supervisor, Roles.QualityManager, Roles.Admin];

    public static string AllNames => string.Join(", ", Order);

    /// <summary>0 for agent up to 3 for admin; −1 for anything else.</summary>
    public static int Of(string? role) => Array.IndexOf(Order, role);
}
