using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Quality.Notifications.Features.Webhooks;

/// <summary>
/// Which addresses a webhook may reach. Checked on the URL when a rule is saved and again on the address
/// actually connected to, so a name that later resolves somewhere forbidden (DNS rebinding) is refused too.
/// </summary>
public sealed class WebhookAddressPolicy(IOptions<WebhookOptions> options)
{
    /// <summary>Why <paramref name="address"/> is forbidden, or null when it is allowed.</summary>
    public string? Forbids(IPAddress address) => Forbids(address, options.Value.AllowPrivateNetworks);

    public static string? Forbids(IPAddress address, bool allowPrivateNetworks)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            if (b[0] == 0)
            {
                return "is an unspecified address (0.0.0.0/8)";
            }

            if (b[0] == 169 && b[1] == 254)
            {
                return "is link-local (169.254.0.0/16), where cloud metadata services live";
            }

            if (b[0] >= 224)
            {
                return "is multicast or reserved (224.0.0.0/3)";
            }

            var isPrivate = b[0] == 10 || b[0] == 127
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
            return isPrivate && !allowPrivateNetworks ? "is a private or loopback address" : null;
        }

        if (address.Equals(IPAddress.IPv6Any))
        {
            return "is an unspecified address (::)";
        }

        if (address.IsIPv6LinkLocal)
        {
            return "is link-local (fe80::/10)";
        }

        if (address.IsIPv6Multicast)
        {
            return "is multicast (ff00::/8)";
        }

        var isPrivate6 = IPAddress.IsLoopback(address) || address.IsIPv6UniqueLocal || address.IsIPv6SiteLocal;
        return isPrivate6 && !allowPrivateNetworks ? "is a private or loopback address" : null;
    }
}
