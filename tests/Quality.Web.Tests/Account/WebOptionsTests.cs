using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quality.ServiceDefaults.Options;
using Quality.Web.Account;

namespace Quality.Web.Tests.Account;

public sealed class WebOptionsTests
{
    private static readonly string Hash = PasswordHashes.Hash("correct horse battery staple");

    private static Dictionary<string, string?> Admin() => new()
    {
        ["Web:Users:0:Name"] = "admin",
        ["Web:Users:0:PasswordHash"] = Hash,
        ["Web:Users:0:Role"] = "admin",
    };

    private static string? Failure(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddValidatedOptions<WebOptions>(WebOptions.SectionName);
        try
        {
            _ = services.BuildServiceProvider().GetRequiredService<IOptions<WebOptions>>().Value;
            return null;
        }
        catch (OptionsValidationException e)
        {
            return e.Message;
        }
    }

    [Fact]
    public void A_local_admin_is_enough() => Assert.Null(Failure(Admin()));

    [Fact]
    public void Nobody_able_to_sign_in_is_refused() =>
        Assert.Contains("'Web:Users' is invalid: nobody could sign in", Failure([]));

    [Theory]
    [InlineData("Web:Users:0:PasswordHash", "secret", "'Web:Users:0:PasswordHash' is invalid")]
    [InlineData("Web:Users:0:Role", "owner", "'Web:Users:0:Role' is invalid: must be one of")]
    [InlineData("Web:Users:0:Language", "fr", "'Web:Users:0:Language' is invalid")]
    [InlineData("Web:Users:0:Name", " admin", "'Web:Users:0:Name' is invalid")]
    [InlineData("Web:SignInFailuresPerName", "0", "'Web:SignInFailuresPerName' is invalid")]
    public void A_bad_user_value_is_named_by_its_key(string key, string value, string expected)
    {
        var settings = Admin();
        settings[key] = value;
        Assert.Contains(expected, Failure(settings));
    }

    [Fact]
    public void Agents_and_supervisors_need_a_team()
    {
        var settings = Admin();
        settings["Web:Users:0:Role"] = "supervisor";
        Assert.Contains("'Web:Users:0:Team' is invalid: is required for the role supervisor", Failure(settings));
    }

    [Fact]
    public void A_name_declared_twice_is_refused_whatever_its_case()
    {
        var settings = Admin();
        settings["Web:Users:1:Name"] = "ADMIN";
        settings["Web:Users:1:PasswordHash"] = Hash;
        settings["Web:Users:1:Role"] = "admin";
        Assert.Contains("'Web:Users:1:Name' is invalid: 'ADMIN' is declared twice", Failure(settings));
    }

    [Fact]
    public void Oidc_alone_is_enough_when_complete() =>
        Assert.Null(Failure(new() { ["Web:Oidc:Authority"] = "https://login.example.com/realms/quality", ["Web:Oidc:ClientId"] = "quality-web" }));

    [Fact]
    public void Oidc_needs_a_client_id() =>
        Assert.Contains("'Web:Oidc:ClientId' is invalid", Failure(new() { ["Web:Oidc:Authority"] = "https://login.example.com" }));

    [Fact]
    public void Oidc_over_plain_http_needs_https_metadata_turned_off()
    {
        var settings = new Dictionary<string, string?> { ["Web:Oidc:Authority"] = "http://localhost:8080/realms/dev", ["Web:Oidc:ClientId"] = "web" };
        Assert.Contains("'Web:Oidc:Authority' is invalid: must be an absolute https URL", Failure(settings));

        settings["Web:Oidc:RequireHttpsMetadata"] = "false";
        Assert.Null(Failure(settings));
    }

    [Fact]
    public void Oidc_claim_names_may_not_be_blank()
    {
        var settings = Admin();
        settings["Web:Oidc:Authority"] = "https://login.example.com";
        settings["Web:Oidc:ClientId"] = "web";
        settings["Web:Oidc:RoleClaim"] = " ";
        Assert.Contains("'Web:Oidc:RoleClaim' is invalid", Failure(settings));
    }
}
