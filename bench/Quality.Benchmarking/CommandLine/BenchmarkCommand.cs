using Quality.Benchmarking.Configuration;

namespace Quality.Benchmarking.CommandLine;

/// <summary>
/// What every bench tool does around its run, so they answer alike: <c>--help</c> prints the usage; a bad option
/// is one line and exit 2; a system that cannot be driven (<see cref="RunException"/>) one line and exit 1;
/// Ctrl+C stops the run, writes no results and exits 130. The run itself returns its exit code.
/// </summary>
public static class BenchmarkCommand
{
    public static async Task<int> RunAsync<TOptions>(
        string[] args,
        string usage,
        Func<string[], string, TOptions> parse,
        Func<TOptions, string, CancellationToken, Task<int>> run,
        string cancelledNote = "no results written")
    {
        if (args.Contains("--help"))
        {
            Console.WriteLine(usage);
            return 0;
        }

        var root = RepositoryRoot.Find();
        TOptions options;
        try
        {
            options = parse(args, root);
        }
        catch (OptionException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            return await run(options, root, cancel.Token);
        }
        catch (RunException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine($"cancelled: {cancelledNote}");
            return 130;
        }
    }
}
