using Quality.Intake.Extensions;
using Quality.Intake.Features.ApiKeys;
using Quality.Intake.Features.ClassifierModels;
using Quality.Intake.Features.Email;
using Quality.Intake.Features.Feedback;
using Quality.Intake.Features.Imports;
using Quality.Intake.Features.Limits;
using Quality.Intake.Features.Reclassification;
using Quality.Intake.Features.Privacy;
using Quality.Intake.Features.Reviews;
using Quality.Intake.Features.SurveyLinks;
using Quality.Intake.Features.Surveys;
using Quality.Intake.Features.Transcripts;
using Quality.Intake.Grpc;
using Quality.Intake.Infrastructure;
using Quality.Messaging.Persistence;
using Quality.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseBodyLimits();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.MapFeedbackEndpoints();
app.MapApiKeyEndpoints();
app.MapSurveyEndpoints();
app.MapSurveyLinkEndpoints();
app.MapEmailEndpoints();
app.MapTranscriptEndpoints();
app.MapReviewEndpoints();
app.MapImportEndpoints();
app.MapPrivacyEndpoints();
app.MapReclassificationEndpoints();
app.MapClassifierModelEndpoints();
app.MapGrpcService<IntakeGrpcService>();

await app.MigrateDatabaseAsync<IntakeDbContext>();
await app.RunAsync();

public partial class Program;
