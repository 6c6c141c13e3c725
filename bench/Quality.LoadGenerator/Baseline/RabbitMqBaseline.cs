using System.Diagnostics;
using System.Threading.Channels;
using Quality.LoadGenerator.Measurement;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Quality.LoadGenerator.Baseline;

/// <summary>
/// The broker's floor: a persistent message published with a publisher confirm to a durable queue, then
/// consumed with a manual ack — the path every event takes — one at a time (latency) and pipelined (throughput).
/// </summary>
public static class RabbitMqBaseline
{
    public const string Operation = "persistent publish with confirm → consume + ack (durable queue)";

    public static async Task<BaselineResult> RunAsync(string amqpUri, TimeSpan duration, int concurrency, CancellationToken ct)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri), ClientProvidedName = "quality-loadgenerator-baseline" };
        await using var connection = await factory.CreateConnectionAsync(ct).ConfigureAwait(false);
        var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        await using var publisher = await connection.CreateChannelAsync(options, ct).ConfigureAwait(false);
        await using var consumerChannel = await connection.CreateChannelAsync(cancellationToken: ct).ConfigureAwait(false);
        var queue = $"quality-loadgenerator-baseline-{Guid.NewGuid():N}";
        await publisher.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: true, cancellationToken: ct).ConfigureAwait(false);

        var received = Channel.CreateUnbounded<long>();
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            var at = Clock.Now;
            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false).ConfigureAwait(false);
            received.Writer.TryWrite(at);
        };
        await consumerChannel.BasicQosAsync(0, 500, global: false, ct).ConfigureAwait(false);
        await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer, ct).ConfigureAwait(false);

        var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };
        var body = "{\"baseline\":true,\"text\":\"送餐太慢了，饭菜都凉了\"}"u8.ToArray();
        var latencies = new LatencyRecorder();

        // One at a time: publish, wait for the confirm, wait for the delivery.
        var clock = Stopwatch.StartNew();
        var sequential = 0;
        while (clock.Elapsed < duration / 2)
        {
            var start = Clock.Now;
            await publisher.BasicPublishAsync("", queue, mandatory: false, properties, body, ct).ConfigureAwait(false);
            var at = await received.Reader.ReadAsync(ct).ConfigureAwait(false);
            latencies.Add(Clock.MillisecondsBetween(start, at));
            sequential++;
        }

        var sequentialRate = sequential / clock.Elapsed.TotalSeconds;

        // Pipelined: up to `concurrency` publishes awaiting their confirms; throughput is what the consumer receives.
        clock.Restart();
        var published = 0;
        var pending = new List<Task>();
        while (clock.Elapsed < duration / 2)
        {
            pending.Add(publisher.BasicPublishAsync("", queue, mandatory: false, properties, body, ct).AsTask());
            published++;
            if (pending.Count >= concurrency)
            {
                await Task.WhenAny(pending).ConfigureAwait(false);
                pending.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
        for (var i = 0; i < published; i++)
        {
            await received.Reader.ReadAsync(ct).ConfigureAwait(false);
        }

        var concurrentRate = published / clock.Elapsed.TotalSeconds;
        await publisher.QueueDeleteAsync(queue, cancellationToken: ct).ConfigureAwait(false);
        return new BaselineResult("rabbitmq", Operation, latencies.Summarize(), sequentialRate, concurrency, concurrentRate);
    }
}
