using System.Net;
using System.Net.Sockets;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Email;
using Quality.Notifications.Tests.Infrastructure;
using Quality.Testing;

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

    [Fact]
    public async Task Messages_share_one_authenticated_connection_and_one_the_server_closed_is_replaced_without_a_failed_attempt()
    {
        await using var smtp = new SmtpTestServer();
        await using var sender = new EmailSender(Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = smtp.Port,
            Security = SecureSocketOptions.None,
            UserName = "quality",
            Password = "secret",
            FromAddress = "quality@quality.test",
            Timeout = TimeSpan.FromSeconds(5),
        }), TimeProvider.System);
        var address = $"{Guid.NewGuid():N}@example.com";

        for (var i = 0; i < 3; i++)
        {
            Assert.Null((await sender.SendAsync(Mail(address), TestContext.Current.CancellationToken)).Error);
        }

        Assert.Equal((3, 1, 1, 1), (smtp.To(address).Count(), smtp.Connections, smtp.Authentications, sender.ConnectionsOpened));

        // The server drops its idle connection (an idle timeout, a restart): the next message notices before sending.
        smtp.CloseConnections();
        for (var i = 0; i < 2; i++)
        {
            var result = await sender.SendAsync(Mail(address), TestContext.Current.CancellationToken);
            Assert.Equal((250, (string?)null), (result.StatusCode, result.Error));
        }

        Assert.Equal((5, 2, 2, 2), (smtp.To(address).Count(), smtp.Connections, smtp.Authentications, sender.ConnectionsOpened));
        Assert.Equal(5, smtp.RcptCalls(address));
    }

    [Fact]
    public async Task A_connection_a_send_failed_on_is_not_reused()
    {
        await using var smtp = new SmtpTestServer();
        await using var sender = SenderFor(smtp.Port);
        var refused = $"{Guid.NewGuid():N}@example.com";
        var accepted = $"{Guid.NewGuid():N}@example.com";
        smtp.OnRecipient(refused, _ => "451 4.3.0 try later");

        var first = await sender.SendAsync(Mail(refused), TestContext.Current.CancellationToken);
        var second = await sender.SendAsync(Mail(accepted), TestContext.Current.CancellationToken);

        Assert.Equal((451, 250), (first.StatusCode, second.StatusCode));
        Assert.Equal(2, smtp.Connections);
    }
}
