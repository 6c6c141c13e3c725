namespace Quality.Benchmarking.Configuration;

/// <summary>
/// The AppHost's <c>.quality/quality.env</c>: service URLs (<c>INTAKE_URL</c>, <c>ROUTING_URL</c>…), the admin
/// token (<c>QUALITY_TOKEN</c>), <c>RABBITMQ_URI</c> and <c>POSTGRES_CONNECTION</c> of the running system.
/// </summary>
public sealed class QualityEnvironment(string path, IReadOnlyDictionary<string, string> values)
{
    /// <summary>The file read (it may not exist: then every value is missing).</summary>
    public string Path { get; } = path;

    public bool Exists => Values.Count > 0;

    public IReadOnlyDictionary<string, string> Values { get; } = values;

    public string? this[string key] => Values.GetValueOrDefault(key);

    public static string DefaultPath(string repositoryRoot) => System.IO.Path.Combine(repositoryRoot, ".quality", "quality.env");

    public static QualityEnvironment Read(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        return new QualityEnvironment(full, EnvironmentFile.Read(full));
    }
}
