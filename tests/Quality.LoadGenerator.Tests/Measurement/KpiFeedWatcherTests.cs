using System.Text.Json;
using Quality.LoadGenerator.Measurement;

namespace Quality.LoadGenerator.Tests.Measurement;

public sealed class KpiFeedWatcherTests
{
    [Theory]
    [InlineData("""{"kind":"snapshot","kpis":[{"name":"csat_percent"},{"name":"complaint_rate_percent","value":40,"sampleCount":"1234"}]}""", 1234L)]
    [InlineData("""{"kind":"snapshot","kpis":[{"name":"complaint_rate_percent"}]}""", 0L)]
    [InlineData("""{"kind":"change","kpis":[{"name":"backlog","value":3,"sampleCount":"3"}]}""", null)]
    [InlineData("""{"kind":"change"}""", null)]
    public void A_feed_message_gives_the_feedback_item_count_only_when_it_carries_the_complaint_rate(string line, long? expected)
    {
        using var message = JsonDocument.Parse(line);

        Assert.Equal(expected, KpiFeedWatcher.FeedbackItems(message.RootElement));
    }
}
