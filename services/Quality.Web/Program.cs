using Quality.ServiceDefaults;
using Quality.Web.Account;
using Quality.Web.Extensions;

if (args is ["hash-password"])
{
    // For Web:Users:N:PasswordHash; read from standard input so the password stays out of shell history.
    return PasswordHashes.HashFromConsole();
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWebServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapWebEndpoints();

await app.RunAsync();
return 0;

public partial class Program;
