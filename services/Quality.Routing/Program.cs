using Quality.Messaging.Persistence;
using Quality.Routing.Extensions;
using Quality.Routing.Grpc;
using Quality.Routing.Infrastructure;
using Quality.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseAuthentication();
app.UseAuthorization();
app.MapGrpcService<RoutingGrpcService>();

await app.MigrateDatabaseAsync<RoutingDbContext>();
await app.RunAsync();

public partial class Program;
