using MassTransit;
using Quality.Contracts;

namespace Quality.Messaging;

/// <summary>
/// How every Quality bus talks to RabbitMQ: the broker of an <c>amqp://user:password@host:port/vhost</c> URI,
/// publisher confirms, exchanges for concrete events only, and a few retries before a message goes to its endpoint's
/// <c>_error</c> queue. The services' buses use it (<see cref="MessagingExtensions.AddMessaging{TDbContext}"/>), and so
/// does a bench tool that must receive exactly as they do.
/// </summary>
public static class QualityBroker
{
    public static void Configure(IRabbitMqBusFactoryConfigurator rabbit, RabbitMqAddress broker)
    {
        rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
        {
            host.Username(broker.Username);
            host.Password(broker.Password);
            host.PublisherConfirmation = true;
        });

        // Only concrete events get exchanges; the shared base record is not a topic of its own.
        rabbit.Publish<IntegrationEvent>(p => p.Exclude = true);
        rabbit.UseMessageRetry(retry => retry.Exponential(4, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
    }
}
