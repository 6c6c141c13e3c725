using Quality.ServiceDefaults;
using Quality.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWebServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapWebEndpoints();

await app.RunAsync();

public partial class Program;
