using Microsoft.Extensions.Options;
using Quality.Web.Account;

namespace Quality.Web.Tests.Account;

public sealed class LocalUsersTests
{
    private static readonly LocalUsers Users = new(new StaticOptionsMonitor(new WebOptions
    {
        Users = [new WebUser { Name = "Wang.Fang", PasswordHash = PasswordHashes.Hash("s3cret-enough"), Role = "supervisor", Team = "t1" }],
    }));

    [Fact]
    public void The_right_password_signs_in_whatever_the_name_case() =>
        Assert.Equal("Wang.Fang", Users.Verify("wang.fang", "s3cret-enough")?.Name);

    [Theory]
    [InlineData("Wang.Fang", "wrong")]
    [InlineData("Wang.Fang", "")]
    [InlineData("Wang.Fang", null)]
    [InlineData("nobody", "s3cret-enough")]
    [InlineData("", "s3cret-enough")]
    public void A_wrong_password_or_unknown_name_gets_nobody(string? name, string? password) =>
        Assert.Null(Users.Verify(name, password));

    [Fact]
    public void Hashes_are_in_identity_format() =>
        Assert.True(PasswordHashes.IsWellFormed(PasswordHashes.Hash("x")));

    [Theory]
    [InlineData("")]
    [InlineData("plain-text-password")]
    [InlineData("AAAA")]
    public void Other_values_are_not_hashes(string value) => Assert.False(PasswordHashes.IsWellFormed(value));

    private sealed class StaticOptionsMonitor(WebOptions value) : IOptionsMonitor<WebOptions>
    {
        public WebOptions CurrentValue => value;

        public WebOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<WebOptions, string?> listener) => null;
    }
}
