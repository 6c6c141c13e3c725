namespace Quality.Hosting;

/// <summary>
/// A random value made once and kept in the data directory (<c>secrets/&lt;name&gt;</c>), so it
/// is the same on every run: e.g. a token signing key shared by the services.
/// </summary>
public sealed class Secret
{
    private Func<string>? _read;

    internal Secret(string name, int bytes)
    {
        Name = name;
        Bytes = bytes;
    }

    public string Name { get; }

    public int Bytes { get; }

    /// <summary>The base64 value; available once the app has started.</summary>
    public string Value => _read?.Invoke() ?? throw new InvalidOperationException($"secret {Name} is read from the data directory once the app starts");

    internal void Bind(DataDirectory data) => _read = () => data.Secret(Name, Bytes);
}
