using Quality.Messaging.Persistence;
using Quality.Scoring.Extensions;
using Quality.Scoring.Features.Goals;
using Quality.Scoring.Features.QaReviews;
using Quality.Scoring.Features.Scorecards;
using Quality.Scoring.Grpc;
using Quality.Scoring.Infrastructure;
using Quality.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseAuthentication();
app.UseAuthorization();
app.MapGrpcService<ScoringGrpcService>();
app.MapGrpcService<QaGrpcService>();
app.MapGoalEndpoints();
app.MapQaEndpoints();
app.MapScorecardEndpoints();

await app.MigrateDatabaseAsync<ScoringDbContext>();
await app.RunAsync();

public partial class Program;
