using System.Net;
using Quality.Notifications.Features.Webhooks;

namespace Quality.Notifications.Tests.Webhooks;

public sealed class WebhookAddressPolicyTests
{
    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:169.254.169.254")]
    public void Always_forbidden_even_on_a_private_network(string address) =>
        Assert.NotNull(WebhookAddressPolicy.Forbids(IPAddress.Parse(address), allowPrivateNetworks: true));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("::1")]
    [InlineData("fd00::1")]
    public void Private_and_loopback_only_when_allowed(string address)
    {
        Assert.NotNull(WebhookAddressPolicy.Forbids(IPAddress.Parse(address), allowPrivateNetworks: false));
        Assert.Null(WebhookAddressPolicy.Forbids(IPAddress.Parse(address), allowPrivateNetworks: true));
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700::1111")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.Null(WebhookAddressPolicy.Forbids(IPAddress.Parse(address), allowPrivateNetworks: false));
}
