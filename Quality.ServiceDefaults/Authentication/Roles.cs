namespace Quality.ServiceDefaults.Authentication;

/// <summary>The roles a person's token may carry (claim <c>role</c>).</summary>
public static class Roles
{
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";
    public const string QualityManager = "quality_manager";
    public const string Admin = "admin";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([Agent, Supervisor, QualityManager, Admin]);

    /// <summary>
    /// Carried only by the short-lived tokens one Quality service mints for its calls to another
    /// (<see cref="TokenFactory.CreateForService"/>); never a person's role, so it is not in <see cref="All"/>.
    /// </summary>
    public const string Service = "service";
}
