using Quality.Notifications.Features.Webhooks;

namespace Quality.Notifications.Tests.Webhooks;

public sealed class WebhookSignerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Fact]
    public void Signature_is_hmac_sha256_over_id_timestamp_and_body_in_hex()
    {
        // Independently computed: printf '%s' 'd-1.1800000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test'
        var signature = WebhookSigner.Sign("whsec_test", "d-1", 1_800_000_000, """{"a":1}""");

        Assert.Equal("v1=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            "whsec_test"u8.ToArray(), "d-1.1800000000.{\"a\":1}"u8.ToArray())), signature);
        Assert.Matches("^v1=[0-9a-f]{64}$", signature);
    }

    [Fact]
    public void Verification_accepts_the_signed_request_and_refuses_any_change()
    {
        var signature = WebhookSigner.Sign("s", "id", Now.ToUnixTimeSeconds(), "body");
        var ts = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tolerance = TimeSpan.FromMinutes(5);

        Assert.True(WebhookSigner.Verify("s", "id", ts, "body", signature, Now, tolerance));
        Assert.False(WebhookSigner.Verify("other", "id", ts, "body", signature, Now, tolerance));
        Assert.False(WebhookSigner.Verify("s", "id2", ts, "body", signature, Now, tolerance));
        Assert.False(WebhookSigner.Verify("s", "id", ts, "body!", signature, Now, tolerance));
        Assert.False(WebhookSigner.Verify("s", "id", ts, "body", signature, Now.AddMinutes(6), tolerance));
        Assert.False(WebhookSigner.Verify("s", "id", "not-a-number", "body", signature, Now, tolerance));
    }
}
