namespace Quality.Scoring.Tests.Infrastructure;

public static class Eventually
{
    /// <summary>Reads until what was read satisfies <paramref name="arrived"/>, or fails after 15 s.</summary>
    public static async Task<T> Async<T>(Func<Task<T>> read, Func<T, bool> arrived)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var value = await read();
            if (arrived(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Still not there after 15 s; last read: {value}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
