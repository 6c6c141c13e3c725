using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Quality.Contracts;
using Quality.Contracts.Routing;
using Quality.Contracts.Scoring;
using Quality.Messaging;
using Quality.Intake.Grpc;
using Quality.Notifications.Consumers;
using Quality.Notifications.Features.Alerts;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Email;
using Quality.Notifications.Features.Escalation;
using Quality.Notifications.Features.Feed;
using Quality.Notifications.Features.Noise;
using Quality.Notifications.Features.Rules;
using Quality.Notifications.Features.Surveys;
using Quality.Notifications.Features.Webhooks;
using Quality.Notifications.Infrastructure;
using Quality.Routing.Grpc;
using Quality.ServiceDefaults;
using Quality.ServiceDefaults.Errors;
using Quality.ServiceDefaults.Options;

namespace Quality.Notifications.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<NotificationsDbContext>(ResourceNames.NotificationsDb);
        builder.AddMessaging<NotificationsDbContext>(ResourceNames.RabbitMQ, bus =>
        {
            bus.AddConsumer<CaseOpenedAlertConsumer>(typeof(CaseOpenedAlertConsumerDefinition));
            bus.AddConsumer<RuleAlertConsumer<SlaWarning>>(typeof(RuleAlertConsumerDefinition<SlaWarning>));
            bus.AddConsumer<RuleAlertConsumer<SlaBreached>>(typeof(RuleAlertConsumerDefinition<SlaBreached>));
            bus.AddConsumer<RuleAlertConsumer<CaseEscalated>>(typeof(RuleAlertConsumerDefinition<CaseEscalated>));
            bus.AddConsumer<RuleAlertConsumer<GoalAtRisk>>(typeof(RuleAlertConsumerDefinition<GoalAtRisk>));
            bus.AddConsumer<RuleAlertConsumer<GoalMissed>>(typeof(RuleAlertConsumerDefinition<GoalMissed>));
            bus.AddConsumer<RuleAlertConsumer<ComplaintSurge>>(typeof(RuleAlertConsumerDefinition<ComplaintSurge>));
            bus.AddConsumer<CaseResolvedSurveyConsumer>(typeof(CaseResolvedSurveyConsumerDefinition));
            bus.AddConsumer<CaseReopenedSurveyConsumer>(typeof(CaseReopenedSurveyConsumerDefinition));
            bus.AddConsumer<CustomerErasedSurveyConsumer>(typeof(CustomerErasedSurveyConsumerDefinition));
        });
        builder.AddPostgresHealthCheck(ResourceNames.NotificationsDb);

        builder.Services.AddScoped<AlertRecorder>();
        builder.Services.AddValidatedOptions<AlertBatchOptions>(AlertBatchOptions.SectionName);
        builder.Services.AddSingleton<AlertBatchHandler>();
        builder.Services.AddScoped<AlertAcknowledger>();
        builder.Services.AddQualityGrpc();

        builder.Services.AddValidatedOptions<WebhookOptions>(WebhookOptions.SectionName);
        builder.Services.AddSingleton<WebhookAddressPolicy>();
        builder.Services.AddSingleton<RuleValidator>();
        builder.Services.AddSingleton<DeliverySignal>();
        builder.Services.AddValidatedOptions<SmtpOptions>(SmtpOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        builder.Services.AddSingleton<IDeliverySender, WebhookSender>();
        builder.Services.AddSingleton<IDeliverySender, EmailSender>();
        builder.Services.AddHostedService<DeliveryWorker>();
        builder.Services.AddValidatedOptions<NoiseOptions>(NoiseOptions.SectionName);
        builder.Services.AddScoped<NoiseControl>();
        // Quiet hours on a business calendar ask Routing. No retries: an answer is needed within the email's
        // transaction, and without one the email goes (RoutingCalendars fails open).
        builder.Services.AddServiceGrpcClient<RoutingService.RoutingServiceClient>(ResourceNames.Routing, "quality.routing.v1.RoutingService")
            .AddServiceIdentity(ResourceNames.Notifications);
        builder.Services.AddSingleton<RoutingCalendars>();
        builder.Services.AddHostedService<DigestWorker>();
        builder.Services.AddValidatedOptions<EscalationOptions>(EscalationOptions.SectionName);
        builder.Services.AddSingleton<EscalationSweeper>();
        builder.Services.AddHostedService<EscalationWorker>();
        builder.Services.AddValidatedOptions<FeedOptions>(FeedOptions.SectionName);
        builder.Services.AddSingleton<FeedHub>();
        builder.Services.AddSingleton<FeedStreams>();
        builder.Services.AddScoped<FeedReads>();
        builder.Services.AddHostedService<FeedListener>();
        builder.AddWebhookHttpClient();
        builder.AddSurveyInvitations();
    }

    /// <summary>
    /// Survey invitations: options (the link address defaults to Intake's discovered one), the scheduler the
    /// consumers call, and the sweeper that asks Intake for the address and queues the email.
    /// </summary>
    private static void AddSurveyInvitations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<SurveyOptions>(SurveyOptions.SectionName)
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.LinkBaseUrl))
                {
                    o.LinkBaseUrl = builder.Configuration[SurveyOptions.IntakeHttpKey];
                }
            });
        builder.Services.AddSingleton<IValidateOptions<SurveyOptions>, SurveyOptionsValidator>();
        // No retries here: an unavailable Intake is retried by the sweeper, with backoff, across rounds.
        builder.Services.AddServiceGrpcClient<IntakeService.IntakeServiceClient>(ResourceNames.Intake, "quality.intake.v1.IntakeService")
            .AddServiceIdentity(ResourceNames.Notifications);
        builder.Services.AddSingleton<ISurveyContacts, IntakeSurveyContacts>();
        builder.Services.AddScoped<SurveyScheduler>();
        builder.Services.AddValidatedOptions<SurveyBatchOptions>(SurveyBatchOptions.SectionName);
        builder.Services.AddSingleton<SurveyInvitationSweeper>();
        builder.Services.AddHostedService<SurveyInvitationWorker>();
    }

    /// <summary>
    /// The client that calls receivers. Not the default resilient client: webhook POSTs are retried by the
    /// worker across attempts (and must not be retried blindly here), and the timeout and circuit breaker are
    /// the worker's own per-endpoint pipeline. No redirects (one could lead to a forbidden address), and the
    /// address actually connected to is checked, so DNS cannot be used to reach a forbidden one.
    /// </summary>
    // RemoveAllResilienceHandlers is marked experimental in 10.0, but is the documented way to drop the
    // defaults' handler for one client.
#pragma warning disable EXTEXP0001
    private static void AddWebhookHttpClient(this IHostApplicationBuilder builder) =>
        builder.Services.AddHttpClient(WebhookSender.HttpClientName)
            .RemoveAllResilienceHandlers()
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(services =>
            {
                var policy = services.GetRequiredService<WebhookAddressPolicy>();
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    ConnectTimeout = services.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout,
                    MaxConnectionsPerServer = 32,
                    ConnectCallback = async (context, cancellationToken) =>
                    {
                        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
                        foreach (var address in addresses)
                        {
                            if (policy.Forbids(address) is { } reason)
                            {
                                throw new HttpRequestException($"Refused to connect to {address}: it {reason}.");
                            }
                        }

                        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                        try
                        {
                            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                            return new NetworkStream(socket, ownsSocket: true);
                        }
                        catch
                        {
                            socket.Dispose();
                            throw;
                        }
                    },
                };
            });
#pragma warning restore EXTEXP0001
}
