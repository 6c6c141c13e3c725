using MassTransit;

namespace Quality.Messaging.Batching;

/// <summary>A MassTransit batch consumer's endpoint and batch settings from its <see cref="MessageBatchOptions"/>.</summary>
public static class MessageBatchConfiguration
{
    /// <summary>
    /// Every message of the batches in flight must be let in at once, or no batch could fill; the prefetch holds the
    /// next batch ready.
    /// </summary>
    public static void UseBatches(this IEndpointRegistrationConfigurator endpoint, MessageBatchOptions batches)
    {
        endpoint.ConcurrentMessageLimit = batches.ConcurrentMessages;
        endpoint.PrefetchCount = batches.MessageLimit * (batches.Concurrency + 1);
    }

    public static void UseBatches<TConsumer>(this IConsumerConfigurator<TConsumer> consumer, MessageBatchOptions batches)
        where TConsumer : class =>
        consumer.Options<BatchOptions>(o => o
            .SetMessageLimit(batches.MessageLimit)
            .SetTimeLimit(batches.TimeLimit)
            .SetConcurrencyLimit(batches.Concurrency));
}
