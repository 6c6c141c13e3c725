using System.Net;
using System.Net.Sockets;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Email;
using Quality.Notifications.Tests.Infrastructure;

namespace Quality.Notifications.Tests.Email;

/// <summary>The sender alone, against a refused port and against the assembly's SMTP listener: how each failure is classified.</summary>
public sealed class EmailSenderTests(NotificationsServers servers)
{
    private static EmailSender SenderFor(int port) => new(Options.Create(new SmtpOptions
    {
        Host = "127.0.0.1",
        Port = port,
        Security = SecureSocketOptions.None,
        FromAddress = "quality@quality.test",
        Timeout = TimeSpan.FromSeconds(5),
    }), TimeProvider.System);

    private static ClaimedDelivery Mail(string to) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "email", null, to, "主题 subject", "正文 body", 0, "");

    [Fact]
    public async Task A_refused_connection_is_a_temporary_failure()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await SenderFor(port).SendAsync(Mail("a@example.com"), TestContext.Current.CancellationToken);

        Assert.NotNull(result.Error);
        Assert.False(result.Permanent);
        Assert.Null(result.StatusCode);
    }

    [Theory]
    [InlineData("452 4.2.2 mailbox full", 452, false)]
    [InlineData("553 5.1.3 bad address syntax", 553, true)]
    public async Task A_4xx_reply_is_temporary_and_a_5xx_reply_permanent(string reply, int code, bool permanent)
    {
        var address = $"{Guid.NewGuid():N}@example.com";
        servers.Smtp.OnRecipient(address, _ => reply);

        var result = await SenderFor(servers.Smtp.Port).SendAsync(Mail(address), TestContext.Current.CancellationToken);

        Assert.Equal((code, permanent), (result.StatusCode, result.Permanent));
        Assert.Contains(reply[4..], result.Error);
    }

    [Fact]
    public async Task An_accepted_message_is_250_and_arrives_with_its_delivery_id()
    {
        var address = $"{Guid.NewGuid():N}@example.com";
        var mail = Mail(address);

        var result = await SenderFor(servers.Smtp.Port).SendAsync(mail, TestContext.Current.CancellationToken);

        Assert.Equal((250, (string?)null), (result.StatusCode, result.Error));
        var received = Assert.Single(servers.Smtp.To(address));
        Assert.Equal("主题 subject", received.Message.Subject);
        Assert.Equal($"{mail.Id:N}@quality.test", received.Message.MessageId);
        Assert.Equal("正文 body", received.Message.TextBody?.TrimEnd());
    }
}
