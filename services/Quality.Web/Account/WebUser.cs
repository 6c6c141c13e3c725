namespace Quality.Web.Account;

/// <summary>A person who signs in locally (<c>Web:Users:N</c>): the single-machine setup's user list.</summary>
public sealed class WebUser
{
    /// <summary>The sign-in name; also the subject of the tokens the services see (an agent's id for agents).</summary>
    public string Name { get; set; } = "";

    /// <summary>ASP.NET Core Identity's <c>PasswordHasher</c> format (base64, version 3).</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>agent, supervisor, quality_manager or admin.</summary>
    public string Role { get; set; } = "";

    /// <summary>The team an agent or supervisor belongs to; required for them, ignored for the others.</summary>
    public string? Team { get; set; }

    /// <summary>en or zh; empty means the browser's preference.</summary>
    public string? Language { get; set; }
}
