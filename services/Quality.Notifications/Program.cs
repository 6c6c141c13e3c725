using Quality.Messaging.Persistence;
using Quality.Notifications.Extensions;
using Quality.Notifications.Features.Alerts;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Feed;
using Quality.Notifications.Features.Noise;
using Quality.Notifications.Features.Rules;
using Quality.Notifications.Features.Surveys;
using Quality.Notifications.Grpc;
using Quality.Notifications.Infrastructure;
using Quality.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseAuthentication();
app.UseAuthorization();
app.MapGrpcService<NotificationsGrpcService>();
app.MapRuleEndpoints();
app.MapDeliveryEndpoints();
app.MapAlertEndpoints();
app.MapQuietHoursEndpoints();
app.MapFeedEndpoints();
app.MapSurveyEndpoints();

await app.MigrateDatabaseAsync<NotificationsDbContext>();
await app.RunAsync();

public partial class Program;
