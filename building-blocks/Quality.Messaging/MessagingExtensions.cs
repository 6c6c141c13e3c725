using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quality.ServiceDefaults.Options;
using Quality.Messaging.Inbox;
using Quality.Messaging.Outbox;

namespace Quality.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// A service's own PostgreSQL database, with the outbox interceptor that wakes the relay on commit.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDbContext<TDbContext>(this IHostApplicationBuilder builder, string connectionName)
        where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetRequiredConnectionString(connectionName);

        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxCommitInterceptor>();
        // Pooled: a context is reset and reused instead of built for every request or message, whose internal
        // services cost about a tenth of a single-item POST's CPU in Intake (measured with perf). The contexts take
        // nothing but their options, and what the code changes on one (savepoints off) is reset on return.
        builder.Services.AddDbContextPool<TDbContext>((services, options) => options
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(services.GetRequiredService<OutboxCommitInterceptor>()));
        return builder;
    }

    /// <summary>
    /// MassTransit over RabbitMQ (<c>ConnectionStrings:rabbitmq</c>, an <c>amqp://user:password@host:port/vhost</c>
    /// URI): durable queues, publisher confirms, manual acknowledgement, a few retries and then the
    /// endpoint's <c>_error</c> queue. Events leave through <typeparamref name="TDbContext"/>'s outbox and
    /// arrive through its inbox.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TDbContext>(
        this IHostApplicationBuilder builder, string connectionName, Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TDbContext : DbContext
    {
        var broker = RabbitMqAddress.Parse(builder.Configuration.GetRequiredConnectionString(connectionName), connectionName);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<Inbox<TDbContext>>();
        builder.Services.AddHostedService<OutboxRelay<TDbContext>>();
        builder.Services.AddHealthChecks().AddCheck<OutboxHealthCheck<TDbContext>>("outbox", tags: ["ready"]);

        // Start answers only once the bus is connected and this service's queues and bindings exist, so
        // nothing the service publishes or is sent can slip past a topology that is not there yet.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            // MassTransit 8.4+ reports anonymous usage to its authors over the internet. A self-hosted helpdesk must
            // not call out unasked (and on a closed network each attempt only logs a failure), so it is off.
            bus.ConfigureUsageTelemetryOptions(o => o.Enabled = false);
            configureConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                QualityBroker.Configure(rabbit, broker);
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
