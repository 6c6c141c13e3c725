using Quality.Messaging.Persistence;
using Quality.Notifications.Extensions;
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

await app.MigrateDatabaseAsync<NotificationsDbContext>();
await app.RunAsync();

public partial class Program;
