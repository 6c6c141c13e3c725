using Quality.LoadGenerator.Traffic;

namespace Quality.LoadGenerator.Tests.Traffic;

public sealed class ChannelMixTests
{
    [Fact]
    public void Shares_are_of_items_so_batches_are_drawn_less_often()
    {
        var mix = ChannelMix.Parse("api=50,batch=50", batchSize: 20);
        var random = new Random(1);
        var items = new Dictionary<Channel, long>();
        for (var i = 0; i < 200_000; i++)
        {
            var channel = mix.Pick(random.NextDouble());
            items[channel] = items.GetValueOrDefault(channel) + mix.ItemsPerRequest(channel);
        }

        var batchShare = (double)items[Channel.Batch] / items.Values.Sum();
        Assert.InRange(batchShare, 0.48, 0.52);
    }

    [Fact]
    public void An_import_carries_its_rows_so_imports_are_drawn_by_their_size_too()
    {
        var mix = ChannelMix.Parse(ChannelMix.Default, batchSize: 20, importRows: 100);
        var random = new Random(3);
        var items = new Dictionary<Channel, long>();
        for (var i = 0; i < 400_000; i++)
        {
            var channel = mix.Pick(random.NextDouble());
            items[channel] = items.GetValueOrDefault(channel) + mix.ItemsPerRequest(channel);
        }

        Assert.Equal(100, mix.ItemsPerRequest(Channel.Import));
        Assert.Equal(1, mix.ItemsPerRequest(Channel.Transcript));
        Assert.InRange((double)items[Channel.Import] / items.Values.Sum(), 0.04, 0.06);
        Assert.InRange((double)items[Channel.Transcript] / items.Values.Sum(), 0.04, 0.06);
    }

    [Fact]
    public void Weights_are_normalised_and_zero_weights_dropped()
    {
        var mix = ChannelMix.Parse("api=3, survey=1, email=0", batchSize: 10);
        Assert.Equal(0.75, mix.ItemShares[Channel.Api]);
        Assert.False(mix.ItemShares.ContainsKey(Channel.Email));
        Assert.Equal("api=75,survey=25", mix.ToString());
    }

    [Theory]
    [InlineData("fax=10")]
    [InlineData("api=-1")]
    [InlineData("api=ten")]
    [InlineData("api=1,api=2")]
    [InlineData("api=0")]
    [InlineData("1=5")]
    [InlineData("api")]
    public void Bad_mixes_are_refused(string text) => Assert.Throws<FormatException>(() => ChannelMix.Parse(text, 20));
}
