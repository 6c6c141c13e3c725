using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Quality.ServiceDefaults.Options;

namespace Quality.ServiceDefaults.Tests;

public sealed class OptionsValidationTests
{
    [Fact]
    public async Task Missing_signing_key_fails_at_start_naming_the_full_key()
    {
        var app = TestApp.CreateBuilder(new Dictionary<string, string?>()).Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Auth:SigningKey", error.Message);
    }

    [Fact]
    public async Task Short_signing_key_fails_at_start_saying_why()
    {
        var app = TestApp.CreateBuilder(new Dictionary<string, string?> { ["Auth:SigningKey"] = Convert.ToBase64String(new byte[16]) }).Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("'Auth:SigningKey' is invalid", error.Message);
        Assert.Contains("at least 32 bytes", error.Message);
    }

    [Fact]
    public void Missing_connection_string_names_the_key_and_the_environment_variable()
    {
        var configuration = new ConfigurationBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => configuration.GetRequiredConnectionString("routingdb"));

        Assert.Contains("'ConnectionStrings:routingdb'", error.Message);
        Assert.Contains("ConnectionStrings__routingdb", error.Message);
    }
}
