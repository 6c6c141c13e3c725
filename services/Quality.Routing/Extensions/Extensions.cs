using Microsoft.Extensions.Options;
using Quality.Contracts;
using Quality.Messaging;
using Quality.Routing.Consumers;
using Quality.Routing.Features.Agents;
using Quality.Routing.Features.Assignment;
using Quality.Routing.Features.Calendars;
using Quality.Routing.Features.Cases;
using Quality.Routing.Features.Escalation;
using Quality.Routing.Features.Sla;
using Quality.Routing.Features.Teams;
using Quality.Routing.Infrastructure;
using Quality.ServiceDefaults;
using Quality.ServiceDefaults.Errors;
using Quality.ServiceDefaults.Options;

namespace Quality.Routing.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<RoutingDbContext>(ResourceNames.RoutingDb);
        builder.AddMessaging<RoutingDbContext>(ResourceNames.RabbitMQ, bus =>
            bus.AddConsumer<ComplaintRaisedConsumer>(typeof(ComplaintRaisedConsumerDefinition)));
        builder.AddPostgresHealthCheck(ResourceNames.RoutingDb);

        builder.Services.AddScoped<CaseOpener>();
        builder.Services.AddScoped<BatchOpener>();
        builder.Services.AddSingleton<ComplaintHandler>();
        builder.Services.AddValidatedOptions<ComplaintBatchOptions>(ComplaintBatchOptions.SectionName);
        builder.Services.AddScoped<CaseRecorder>();
        builder.Services.AddScoped<CaseLifecycle>();
        builder.Services.AddScoped<CaseQueries>();
        builder.Services.AddScoped<TeamDirectory>();
        builder.Services.AddScoped<AgentDirectory>();
        builder.Services.AddScoped<RoutingLocks>();
        builder.Services.AddScoped<CaseAssigner>();
        builder.Services.AddScoped<BatchAssigner>();
        builder.Services.AddScoped<CalendarDirectory>();
        builder.Services.AddScoped<SlaPolicyDirectory>();
        builder.Services.AddSingleton<SlaSettingsCache>();
        builder.Services.AddScoped<SlaSettingsSource>();
        builder.Services.AddScoped<SlaClocks>();
        builder.Services.AddScoped<SlaQueries>();

        builder.Services.AddValidatedOptions<RepeatOptions>(RepeatOptions.SectionName);
        builder.Services.AddValidatedOptions<QueueOptions>(QueueOptions.SectionName);
        builder.Services.AddSingleton<QueueBackfill>();
        builder.Services.AddSingleton<QueueDrainer>();
        builder.Services.AddHostedService<QueueSweeper>();

        builder.Services.AddValidatedOptions<SlaOptions>(SlaOptions.SectionName);
        builder.Services.AddSingleton<SlaTimerSweep>();
        builder.Services.AddHostedService<SlaSweeper>();

        builder.Services.AddScoped<EscalationLadder>();
        builder.Services.AddValidatedOptions<EscalationOptions>(EscalationOptions.SectionName)
            .PostConfigure(o => o.Levels = o.Levels.Count > 0 ? o.Levels : EscalationOptions.DefaultLevels());
        builder.Services.AddSingleton<IValidateOptions<EscalationOptions>, EscalationOptionsValidator>();
        builder.Services.AddSingleton<EscalationSweeper>();
        builder.Services.AddHostedService(s => s.GetRequiredService<EscalationSweeper>());

        builder.Services.AddQualityGrpc();
    }
}
