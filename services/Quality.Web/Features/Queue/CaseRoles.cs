using System.Security.Claims;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Web.Features.Queue;

/// <summary>Who is offered which control on a case; Routing still checks every call itself.</summary>
public static class CaseRoles
{
    /// <summary>Supervisors and above assign and reassign (Routing refuses agents).</summary>
    public static bool MayAssign(ClaimsPrincipal person) =>
        person.IsInRole(Roles.Supervisor) || person.IsInRole(Roles.QualityManager) || person.IsInRole(Roles.Admin);
}
