using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Quality.Contracts;
using Quality.Intake.Authentication;
using Quality.Intake.Classification;
using Quality.Intake.Classification.Model;
using Quality.Intake.Features.ApiKeys;
using Quality.Intake.Features.Channels;
using Quality.Intake.Features.ClassifierModels;
using Quality.Intake.Features.Email;
using Quality.Intake.Features.Feedback;
using Quality.Intake.Features.Imports;
using Quality.Intake.Features.Privacy;
using Quality.Intake.Features.Reclassification;
using Quality.Intake.Features.Reviews;
using Quality.Intake.Features.Search;
using Quality.Intake.Features.SurveyLinks;
using Quality.Intake.Features.Surveys;
using Quality.Intake.Features.Transcripts;
using Quality.Intake.Infrastructure;
using Quality.Messaging;
using Quality.ServiceDefaults;
using Quality.ServiceDefaults.Errors;
using Quality.ServiceDefaults.Options;
using Quality.Intake.Features.Limits;

namespace Quality.Intake.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<IntakeDbContext>(ResourceNames.IntakeDb);
        builder.AddMessaging<IntakeDbContext>(ResourceNames.RabbitMQ);
        builder.AddPostgresHealthCheck(ResourceNames.IntakeDb);

        builder.Services.AddSingleton(_ => Lexicon.Load(Path.Combine(AppContext.BaseDirectory, "Classification", "lexicon.json")));
        builder.Services.AddSingleton<FeedbackClassifier>();
        builder.Services.AddSingleton<IValidateOptions<PiiOptions>, PiiOptionsValidator>();
        builder.Services.AddOptions<PiiOptions>().BindConfiguration(PiiOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<PiiProtector>();
        builder.Services.AddScoped<CustomerEraser>();
        builder.Services.AddSingleton<PiiReEncryptor>();
        builder.Services.AddSingleton<ActiveFeedbackModel>();
        builder.Services.AddSingleton<TrainingSignal>();
        builder.Services.AddValidatedOptions<ClassifierOptions>(ClassifierOptions.SectionName);
        builder.Services.AddScoped<ClassifierModels>();
        builder.Services.AddScoped<TrainingData>();
        builder.Services.AddScoped<TrainingExampleImporter>();
        builder.Services.AddHostedService<ModelTrainingWorker>();
        builder.Services.AddHostedService<ActiveModelRefresher>();
        builder.Services.AddScoped<FeedbackSubmitter>();
        builder.Services.AddScoped<FeedbackBatchSubmitter>();
        builder.Services.AddScoped<FeedbackQueries>();
        builder.Services.AddScoped<SurveySubmitter>();
        builder.Services.AddScoped<EmailSubmitter>();
        builder.Services.AddScoped<TranscriptSubmitter>();
        builder.Services.AddScoped<ReviewSubmitter>();
        builder.Services.AddSingleton<IValidateOptions<ReviewSourcesOptions>, ReviewSourcesValidator>();
        builder.Services.AddOptions<ReviewSourcesOptions>().BindConfiguration(ReviewSourcesOptions.SectionName).ValidateOnStart();
        builder.Services.AddScoped<Reclassifier>();
        builder.Services.AddValidatedOptions<ImportOptions>(ImportOptions.SectionName);
        builder.Services.AddScoped<ImportUploader>();
        builder.Services.AddScoped<ImportBatchStore>();
        builder.Services.AddSingleton<ImportBatchPreparer>();
        builder.Services.AddSingleton<ImportSignal>();
        builder.Services.AddSingleton<ImportRunner>();
        builder.Services.AddHostedService<ImportWorker>();
        builder.Services.AddScoped<ApiKeyService>();
        builder.Services.AddValidatedOptions<RequestLimitsOptions>(RequestLimitsOptions.SectionName);
        builder.Services.AddSingleton<RequestLimits>();
        builder.Services.AddValidatedOptions<SurveyLinkOptions>(SurveyLinkOptions.SectionName);
        builder.Services.AddScoped<SurveyLinkAnswers>();
        builder.Services.AddScoped<SurveyContacts>();
        builder.Services.AddSurveyLinkRateLimit();

        // Channels sign in with an API key; people keep the JWT default from the service defaults.
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        builder.Services.AddAuthorizationBuilder().AddChannelPolicies(ChannelNames.All);

        builder.Services.AddQualityGrpc();
    }
}
