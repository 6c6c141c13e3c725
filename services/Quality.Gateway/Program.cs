using Quality.Gateway.Extensions;
using Quality.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGateway();

await app.RunAsync();

public partial class Program;
