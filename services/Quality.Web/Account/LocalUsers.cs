using Microsoft.Extensions.Options;

namespace Quality.Web.Account;

/// <summary>The locally declared people (<c>Web:Users</c>), as configured now: a reload takes effect at once.</summary>
public sealed class LocalUsers(IOptionsMonitor<WebOptions> options)
{
    public WebUser? Find(string? name) =>
        string.IsNullOrEmpty(name)
            ? null
            : options.CurrentValue.Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The user whose name and password match; null for a wrong name or password alike.</summary>
    public WebUser? Verify(string? name, string? password)
    {
        var user = Find(name);
        return PasswordHashes.Verify(user, password ?? "") ? user : null;
    }
}
