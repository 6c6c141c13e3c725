using Xunit;

namespace Quality.Testing;

/// <summary>Waits for something that happens asynchronously (a message consumed, a row written) without fixed sleeps.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(15);

    /// <summary>Reads until what was read satisfies <paramref name="arrived"/>, or fails after <paramref name="patience"/> (15 s).</summary>
    public static async Task<T> Async<T>(Func<Task<T>> read, Func<T, bool> arrived, TimeSpan? patience = null)
    {
        var limit = patience ?? DefaultPatience;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await read();
            if (arrived(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Still not there after {limit.TotalSeconds} s; last read: {value}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
