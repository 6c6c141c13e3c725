namespace Quality.Web.Account;

/// <summary>Return addresses from query strings and forms: only a path on this site, never another site.</summary>
public static class LocalUrl
{
    public static string OrRoot(string? url) => IsLocal(url) ? url! : "/";

    /// <summary>A path starting with a single <c>/</c> (not <c>//host</c> or <c>/\host</c>, which browsers treat as another site).</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
