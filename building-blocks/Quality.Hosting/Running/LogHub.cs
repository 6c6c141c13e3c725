using System.Collections.Concurrent;
using System.Globalization;

namespace Quality.Hosting;

/// <summary>
/// Keeps every resource's output in <c>&lt;data&gt;/logs/&lt;name&gt;.log</c> and, when a console
/// view is attached, shows it prefixed with the resource name.
/// </summary>
internal sealed class LogHub(string directory) : IDisposable
{
    private readonly ConcurrentDictionary<string, StreamWriter> _files = new();
    private volatile bool _closed;

    public ConsoleView? Console { get; set; }

    public string PathFor(string name) => Path.Combine(directory, name + ".log");

    public void Write(string name, string line)
    {
        if (_closed) return;
        var file = _files.GetOrAdd(name, Open);
        lock (file)
        {
            file.Write(DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ ", CultureInfo.InvariantCulture));
            file.WriteLine(line);
        }
        Console?.WriteLog(name, line);
    }

    public void Dispose()
    {
        _closed = true;
        foreach (var file in _files.Values)
        {
            lock (file) file.Dispose();
        }
        _files.Clear();
    }

    private StreamWriter Open(string name)
    {
        Directory.CreateDirectory(directory);
        var stream = new FileStream(PathFor(name), FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        return new StreamWriter(stream) { AutoFlush = true };
    }
}
