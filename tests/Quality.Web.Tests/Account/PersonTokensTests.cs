using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Quality.ServiceDefaults.Authentication;
using Quality.Web.Account;

namespace Quality.Web.Tests.Account;

public sealed class PersonTokensTests
{
    private static readonly AuthOptions Auth = new() { SigningKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray()) };

    [Fact]
    public async Task The_token_says_who_the_person_is_and_lasts_minutes()
    {
        var person = PersonClaims.Create("wang.fang", Roles.Supervisor, "team-a", "zh", PersonClaims.LocalProvider, "Cookies");

        var token = new PersonTokens(Options.Create(Auth)).Mint(person);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, TokenFactory.ValidationParameters(Auth));
        Assert.True(result.IsValid);
        Assert.Equal("wang.fang", result.ClaimsIdentity.FindFirst(QualityClaims.Subject)?.Value);
        Assert.Equal(Roles.Supervisor, result.ClaimsIdentity.FindFirst(QualityClaims.Role)?.Value);
        Assert.Equal("team-a", result.ClaimsIdentity.FindFirst(QualityClaims.Team)?.Value);
        var lifetime = ((JsonWebToken)result.SecurityToken).ValidTo - DateTime.UtcNow;
        Assert.InRange(lifetime, TimeSpan.FromMinutes(4), PersonTokens.Lifetime);
    }

    [Fact]
    public void Nobody_signed_in_gets_no_token() =>
        Assert.Throws<InvalidOperationException>(() => new PersonTokens(Options.Create(Auth)).Mint(new ClaimsPrincipal(new ClaimsIdentity())));

    [Fact]
    public void A_session_without_a_quality_role_gets_no_token() =>
        Assert.Throws<InvalidOperationException>(() => new PersonTokens(Options.Create(Auth)).Mint(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(QualityClaims.Subject, "x"), new Claim(QualityClaims.Role, Roles.Service)], "Cookies"))));
}
