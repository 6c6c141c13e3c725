namespace Quality.Hosting;

/// <summary>Finds the repository root and the build configuration the AppHost runs from.</summary>
internal static class Repository
{
    /// <summary>The nearest folder up from the working directory, then from the AppHost's binaries, holding Quality.slnx or global.json.</summary>
    public static string FindRoot() =>
        FindUp(Directory.GetCurrentDirectory()) ?? FindUp(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();

    /// <summary>The configuration in our own output path (…/bin/&lt;Configuration&gt;/net10.0/), else Debug.</summary>
    public static string Configuration()
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var configuration = tfm.Parent;
        return configuration?.Parent?.Name == "bin" ? configuration.Name : "Debug";
    }

    private static string? FindUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Quality.slnx")) || File.Exists(Path.Combine(dir.FullName, "global.json")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
