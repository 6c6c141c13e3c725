using MassTransit;
using Quality.Contracts;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;
using Quality.Messaging;
using Quality.Scoring.Consumers;
using Quality.Scoring.Features.Facts;
using Quality.Scoring.Features.Goals;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Features.Leaderboards;
using Quality.Scoring.Features.LiveFeed;
using Quality.Scoring.Features.LiveKpis;
using Quality.Scoring.Features.QaReviews;
using Quality.Scoring.Features.Scorecards;
using Quality.Scoring.Features.Surges;
using Quality.Scoring.Infrastructure;
using Quality.ServiceDefaults;
using Quality.ServiceDefaults.Errors;
using Quality.ServiceDefaults.Options;
using StackExchange.Redis;

namespace Quality.Scoring.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<ScoringDbContext>(ResourceNames.ScoringDb);
        builder.AddMessaging<ScoringDbContext>(ResourceNames.RabbitMQ, bus =>
        {
            bus.AddFactConsumer<CaseOpened>();
            bus.AddFactConsumer<CaseAssigned>();
            bus.AddFactConsumer<CaseResponded>();
            bus.AddFactConsumer<CaseResolved>();
            bus.AddFactConsumer<CaseReopened>();
            bus.AddFactConsumer<FeedbackReceived>();
            bus.AddFactConsumer<SurveyAnswered>();
        });
        builder.AddPostgresHealthCheck(ResourceNames.ScoringDb);
        builder.AddRedisHealthCheck(ResourceNames.Redis);

        var redis = builder.Configuration.GetRequiredConnectionString(ResourceNames.Redis);
        // abortConnect=false: start and serve from PostgreSQL while Redis is away, reconnect when it returns.
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(redis);
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });
        builder.Services.AddSingleton<LiveStore>();
        builder.Services.AddScoped<LiveEntityFacts>();
        builder.Services.AddScoped<LiveFolder>();
        builder.Services.AddScoped<LiveDeltaLog>();
        builder.Services.AddScoped<LiveRebuilder>();
        builder.Services.AddScoped<LiveKpiReader>();
        builder.Services.AddValidatedOptions<LiveOptions>(LiveOptions.SectionName);
        builder.Services.AddSingleton<LiveMaintenance>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveMaintenance>());
        builder.Services.AddScoped<LeaderboardQuery>();
        builder.Services.AddScoped<FactRecorder>();
        builder.Services.AddScoped<FactBatchProcessor>();
        builder.Services.AddValidatedOptions<FactBatchOptions>(FactBatchOptions.SectionName);
        builder.Services.AddSingleton<FactBatcher>();
        builder.Services.AddSingleton<KpiPeriodResolver>();
        builder.Services.AddScoped<KpiFactLoader>();
        builder.Services.AddScoped<KpiQuery>();
        builder.Services.AddScoped<GoalAccess>();
        builder.Services.AddScoped<GoalService>();
        builder.Services.AddScoped<GoalEvaluation>();
        builder.Services.AddValidatedOptions<GoalOptions>(GoalOptions.SectionName);
        builder.Services.AddSingleton<GoalEvaluator>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GoalEvaluator>());
        builder.Services.AddScoped<QaReviewService>();
        builder.Services.AddValidatedOptions<ScorecardOptions>(ScorecardOptions.SectionName);
        builder.Services.AddSingleton<ScorecardCatalog>();
        builder.Services.AddScoped<ScorecardQuery>();
        builder.Services.AddScoped<SurgeScan>();
        builder.Services.AddScoped<SurgeQuery>();
        builder.Services.AddValidatedOptions<SurgeOptions>(SurgeOptions.SectionName);
        builder.Services.AddSingleton<SurgeMonitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SurgeMonitor>());
        builder.Services.AddValidatedOptions<KpiFeedOptions>(KpiFeedOptions.SectionName);
        builder.Services.AddSingleton<KpiFeedHub>();
        builder.Services.AddQualityGrpc();
    }

    private static void AddFactConsumer<TEvent>(this IBusRegistrationConfigurator bus) where TEvent : IntegrationEvent =>
        bus.AddConsumer<FactConsumer<TEvent>>(typeof(FactConsumerDefinition<TEvent>));
}
