using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Quality.Benchmarking.Webhooks;

namespace Quality.LoadGenerator.Tests.NotificationsBenchmark;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_0123";
    private const string Id = "0195a3c2-0000-7000-8000-000000000001";
    private const string Body = """{"id":"x","title":{"zh":"案件 已超时","en":"Case breached"}}""";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly string Timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void The_signature_is_v1_hex_hmac_sha256_over_id_timestamp_and_body()
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.{Body}"));
        Assert.Equal("v1=" + Convert.ToHexStringLower(mac), WebhookSignature.Compute(Secret, Id, Timestamp, Body));
    }

    [Fact]
    public void A_correctly_signed_request_is_valid()
    {
        var signature = WebhookSignature.Compute(Secret, Id, Timestamp, Body);
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(Secret, Id, Timestamp, Body, signature, Now.AddSeconds(30)));
    }

    [Fact]
    public void A_changed_body_id_or_secret_is_a_mismatch()
    {
        var signature = WebhookSignature.Compute(Secret, Id, Timestamp, Body);
        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(Secret, Id, Timestamp, Body + " ", signature, Now));
        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(Secret, Id + "2", Timestamp, Body, signature, Now));
        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify("whsec_other", Id, Timestamp, Body, signature, Now));
    }

    [Fact]
    public void A_stale_or_unreadable_timestamp_and_missing_headers_are_refused()
    {
        var signature = WebhookSignature.Compute(Secret, Id, Timestamp, Body);
        Assert.Equal(SignatureCheck.StaleTimestamp, WebhookSignature.Verify(Secret, Id, Timestamp, Body, signature, Now.AddMinutes(6)));
        Assert.Equal(SignatureCheck.StaleTimestamp, WebhookSignature.Verify(Secret, Id, "-1", Body, signature, Now));
        Assert.Equal(SignatureCheck.MissingHeaders, WebhookSignature.Verify(Secret, Id, Timestamp, Body, null, Now));
        Assert.Equal(SignatureCheck.MissingHeaders, WebhookSignature.Verify(Secret, "", Timestamp, Body, signature, Now));
    }
}
