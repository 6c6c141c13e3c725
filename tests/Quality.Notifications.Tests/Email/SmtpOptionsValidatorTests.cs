using MailKit.Security;
using Quality.Notifications.Features.Email;

namespace Quality.Notifications.Tests.Email;

public sealed class SmtpOptionsValidatorTests
{
    private static readonly SmtpOptionsValidator Validator = new();

    private static IEnumerable<string> Failures(SmtpOptions options) => Validator.Validate(null, options).Failures ?? [];

    [Fact]
    public void No_host_means_email_is_off_and_nothing_else_is_required() =>
        Assert.Empty(Failures(new SmtpOptions()));

    [Fact]
    public void A_host_needs_a_sender_address()
    {
        var failure = Assert.Single(Failures(new SmtpOptions { Host = "smtp.example.com", FromAddress = "not an address" }));
        Assert.Contains("'Notifications:Smtp:FromAddress'", failure);
    }

    [Fact]
    public void A_user_name_needs_its_password()
    {
        var failure = Assert.Single(Failures(new SmtpOptions { Host = "smtp.example.com", FromAddress = "q@example.com", UserName = "q" }));
        Assert.Contains("'Notifications:Smtp:Password'", failure);
    }

    [Theory]
    [InlineData("smtp.example.com", SecureSocketOptions.None, true)]
    [InlineData("smtp.example.com", SecureSocketOptions.StartTlsWhenAvailable, true)]
    [InlineData("smtp.example.com", SecureSocketOptions.StartTls, false)]
    [InlineData("smtp.example.com", SecureSocketOptions.SslOnConnect, false)]
    [InlineData("127.0.0.1", SecureSocketOptions.None, false)]
    [InlineData("localhost", SecureSocketOptions.None, false)]
    public void A_password_is_never_sent_in_the_clear_off_this_machine(string host, SecureSocketOptions security, bool refused)
    {
        var failures = Failures(new SmtpOptions { Host = host, FromAddress = "q@example.com", UserName = "q", Password = "secret", Security = security });

        Assert.Equal(refused, failures.Any(f => f.Contains("'Notifications:Smtp:Security'", StringComparison.Ordinal)));
    }
}
