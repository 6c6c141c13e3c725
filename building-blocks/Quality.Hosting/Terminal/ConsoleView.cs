namespace Quality.Hosting;

/// <summary>
/// The console while the AppHost runs: child output prefixed with its resource name, and the
/// resource table. On a terminal the table stays at the bottom and is redrawn in place;
/// when output is redirected the table is reprinted whenever it changes.
/// </summary>
internal sealed class ConsoleView
{
    private static readonly string[] Colors = ["\e[36m", "\e[33m", "\e[35m", "\e[32m", "\e[34m", "\e[91m", "\e[96m", "\e[93m"];

    private readonly Lock _gate = new();
    private readonly bool _terminal = !Console.IsOutputRedirected;
    private IReadOnlyList<string> _table = [];
    private int _drawnLines;
    private string _printed = "";
    private IReadOnlyList<ResourceSnapshot> _latest = [];
    private bool _printPending;
    private bool _gone;

    public void WriteLog(string name, string line)
    {
        lock (_gate)
        {
            if (!_terminal)
            {
                Out($"[{name}] {line}");
                return;
            }
            Erase();
            Out($"{Color(name)}[{name}]\e[0m {line}");
            Draw();
        }
    }

    public void WriteLine(string text)
    {
        lock (_gate)
        {
            Erase();
            Out(text);
            Draw();
        }
    }

    public void Update(IReadOnlyList<ResourceSnapshot> rows)
    {
        lock (_gate)
        {
            _latest = rows;
            if (_terminal)
            {
                Redraw();
            }
            else if (!_printPending)
            {
                // Redirected output is read later, line by line: one table per burst of changes, not per change.
                _printPending = true;
                _ = PrintSoonAsync();
            }
        }
    }

    /// <summary>Shows the final table and leaves it on screen as plain output, e.g. before exit.</summary>
    public void Detach()
    {
        lock (_gate)
        {
            if (_terminal) Redraw();
            else Print();
            _drawnLines = 0;
            _table = [];
        }
    }

    private void Redraw()
    {
        var table = ResourceTable.Render(_latest);
        var text = string.Join('\n', table);
        if (text == _printed) return;
        _printed = text;
        Erase();
        _table = table;
        Draw();
    }

    private async Task PrintSoonAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        lock (_gate)
        {
            _printPending = false;
            Print();
        }
    }

    private void Print()
    {
        var text = string.Join('\n', ResourceTable.Render(_latest));
        if (text == _printed) return;
        _printed = text;
        Out(text);
    }

    private void Erase()
    {
        if (!_terminal || _drawnLines == 0) return;
        OutRaw($"\e[{_drawnLines}F\e[J");
        _drawnLines = 0;
    }

    private void Draw()
    {
        if (!_terminal || _table.Count == 0) return;
        var width = Width();
        foreach (var line in _table)
        {
            // Cut to the width so no line wraps: a wrapped line would break the count we erase.
            Out(line.Length < width ? line : line[..(width - 1)]);
        }
        _drawnLines = _table.Count;
    }

    private static int Width()
    {
        try
        {
            // 0 when the terminal does not say (e.g. under `script`): then do not cut.
            return Console.WindowWidth is > 0 and var width ? width : int.MaxValue;
        }
        catch (IOException)
        {
            return int.MaxValue;
        }
    }

    private void Out(string line) => OutRaw(line + "\n");

    /// <summary>Writes unless the console is gone (a closed terminal): the logs on disk still have everything.</summary>
    private void OutRaw(string text)
    {
        if (_gone) return;
        try
        {
            Console.Out.Write(text);
            Console.Out.Flush();
        }
        catch (IOException)
        {
            _gone = true;
        }
    }

    private static string Color(string name) =>
        Colors[name.Sum(c => c) % Colors.Length];
}
