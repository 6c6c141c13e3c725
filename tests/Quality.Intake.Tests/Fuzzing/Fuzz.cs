using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace Quality.Intake.Tests.Fuzzing;

/// <summary>
/// Runs a property with a fixed seed, so a failure seen once is seen again on every run (FsCheck's message
/// names the seed and the shrunk input). <c>QUALITY_FUZZ_SEED</c> explores other inputs and
/// <c>QUALITY_FUZZ_SCALE</c> multiplies the number of cases, for a longer hunt by hand.
/// </summary>
internal static class Fuzz
{
    /// <summary>Not a speed target: long enough for a slow CI machine, short enough to catch an endless loop.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);

    private static readonly ulong Seed = ulong.TryParse(Environment.GetEnvironmentVariable("QUALITY_FUZZ_SEED"), out var seed) ? seed : 20_260_301;

    private static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable("QUALITY_FUZZ_SCALE"), out var scale) && scale > 0 ? scale : 1;

    public static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static void Check(Property property, int cases, int endSize = 100)
    {
        // The gamma must be odd (SplitMix); any fixed one makes the run replayable.
        var replay = new Replay(new Rnd(Seed, 0x9E3779B97F4A7C15), FSharpOption<int>.None);
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(cases * Scale)
            .WithEndSize(endSize)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(replay));
        FsCheck.Check.One(config, property);
    }

    /// <summary>The work's result, or a <see cref="TimeoutException"/> if it does not end: a parser must never hang.</summary>
    public static T Within<T>(Func<Task<T>> work, string input)
    {
        try
        {
            return Task.Run(work).WaitAsync(HangLimit).GetAwaiter().GetResult();
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No answer within {HangLimit.TotalSeconds:N0} s for: {Show(input)}");
        }
    }

    /// <summary>An input short enough for a failure message.</summary>
    public static string Show(string input) =>
        input.Length <= 2_000 ? input : $"{input[..1_000]} … ({input.Length:N0} characters) … {input[^500..]}";

    /// <summary>Shrinks a sequence by dropping halves, quarters, … of it, so a failing input ends small.</summary>
    public static IEnumerable<T[]> Smaller<T>(T[] items)
    {
        for (var size = items.Length / 2; size > 0; size /= 2)
        {
            for (var start = 0; start + size <= items.Length; start += size)
            {
                yield return [.. items[..start], .. items[(start + size)..]];
            }
        }
    }

    /// <summary>Bytes that shrink to fewer bytes when a property fails on them.</summary>
    public static Arbitrary<Raw> Shrinking(Gen<byte[]> gen) => Arb.From(gen.Select(bytes => new Raw(bytes)), raw => Smaller(raw.Bytes).Select(bytes => new Raw(bytes)));
}
