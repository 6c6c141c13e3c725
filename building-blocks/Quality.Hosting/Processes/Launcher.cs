using System.Collections.Concurrent;

namespace Quality.Hosting;

/// <summary>
/// Starts child processes from one thread that lives as long as the AppHost. Children ask the
/// kernel for a signal when their parent dies (PR_SET_PDEATHSIG, via setpriv), and the kernel
/// means the parent *thread*: launched from a pool thread, a child would be killed whenever
/// the pool retired that thread.
/// </summary>
internal static class Launcher
{
    private static readonly BlockingCollection<Action> Work = [];

    static Launcher()
    {
        var thread = new Thread(() =>
        {
            foreach (var work in Work.GetConsumingEnumerable()) work();
        })
        {
            IsBackground = true,
            Name = "child process launcher",
        };
        thread.Start();
    }

    public static void Run(Action start)
    {
        Exception? failure = null;
        using var done = new ManualResetEventSlim();
        Work.Add(() =>
        {
            try
            {
                start();
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                done.Set();
            }
        });
        done.Wait();
        if (failure is not null) throw failure;
    }
}
