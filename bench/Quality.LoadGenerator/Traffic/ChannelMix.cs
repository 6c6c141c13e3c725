using System.Globalization;

namespace Quality.LoadGenerator.Traffic;

/// <summary>
/// The share of items each channel carries. A batch request carries several items, so requests are drawn
/// with weights divided by their size: with api=50,batch=50 and batches of 20, half the items still come by batch.
/// </summary>
public sealed class ChannelMix
{
    public const string Default = "api=50,batch=20,survey=10,email=10,transcript=5,import=5";

    private readonly (Channel Channel, double Cumulative)[] _requests;

    private ChannelMix(IReadOnlyDictionary<Channel, double> itemShares, int batchSize, int importRows)
    {
        ItemShares = itemShares;
        BatchSize = batchSize;
        ImportRows = importRows;
        var requestWeights = itemShares.Select(s => (s.Key, Weight: s.Value / ItemsPerRequest(s.Key))).ToList();
        var total = requestWeights.Sum(w => w.Weight);
        var cumulative = 0.0;
        _requests = [.. requestWeights.Select(w => (w.Key, cumulative += w.Weight / total))];
    }

    /// <summary>Each channel's share of items, summing to 1.</summary>
    public IReadOnlyDictionary<Channel, double> ItemShares { get; }

    public int BatchSize { get; }

    public int ImportRows { get; }

    public int ItemsPerRequest(Channel channel) => channel switch
    {
        Channel.Batch => BatchSize,
        Channel.Import => ImportRows,
        _ => 1,
    };

    /// <summary>The channel of the next request, for a uniform draw in [0, 1).</summary>
    public Channel Pick(double uniform)
    {
        foreach (var (channel, cumulative) in _requests)
        {
            if (uniform < cumulative)
            {
                return channel;
            }
        }

        return _requests[^1].Channel;
    }

    /// <summary>Parses <c>api=55,batch=20,survey=10,email=10,transcript=5</c>; weights need not sum to 100.</summary>
    /// <exception cref="FormatException">An unknown channel, a repeated one, or a weight that is not a non-negative number.</exception>
    public static ChannelMix Parse(string text, int batchSize, int importRows = 100)
    {
        var weights = new Dictionary<Channel, double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !Enum.TryParse<Channel>(pair[0], ignoreCase: true, out var channel) || !Enum.IsDefined(channel)
                || pair[0].All(char.IsAsciiDigit))
            {
                throw new FormatException($"'{part}' is not channel=weight with a channel among api, batch, survey, email, transcript, import");
            }

            if (!double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || weight < 0 || double.IsInfinity(weight))
            {
                throw new FormatException($"'{pair[1]}' is not a non-negative weight for {pair[0]}");
            }

            if (!weights.TryAdd(channel, weight))
            {
                throw new FormatException($"{pair[0]} is given twice");
            }
        }

        var total = weights.Values.Sum();
        if (total <= 0)
        {
            throw new FormatException("give at least one channel a weight above 0");
        }

        return new ChannelMix(weights.Where(w => w.Value > 0).ToDictionary(w => w.Key, w => w.Value / total), batchSize, importRows);
    }

    public override string ToString() =>
        string.Join(',', ItemShares.Select(s => $"{s.Key.ToString().ToLowerInvariant()}={(s.Value * 100).ToString("0.#", CultureInfo.InvariantCulture)}"));
}
