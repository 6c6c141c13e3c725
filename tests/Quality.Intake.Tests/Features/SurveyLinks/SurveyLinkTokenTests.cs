using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Quality.Contracts.Intake;
using Quality.Contracts.Surveys;

namespace Quality.Intake.Tests.Features.SurveyLinks;

/// <summary>The shared link format (Quality.Contracts has no test project of its own).</summary>
public sealed class SurveyLinkTokenTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] OtherKey = RandomNumberGenerator.GetBytes(32);
    private static readonly DateTimeOffset Expiry = new(2026, 12, 24, 18, 30, 15, TimeSpan.Zero);
    private static readonly Guid FeedbackId = Guid.NewGuid();

    [Theory]
    [InlineData(SurveyType.Csat)]
    [InlineData(SurveyType.Nps)]
    [InlineData(SurveyType.Ces)]
    public void A_token_reads_back_what_it_was_created_with(SurveyType type)
    {
        var caseId = Guid.NewGuid();

        var token = SurveyLinkToken.Create(Key, caseId, FeedbackId, type, Expiry);

        Assert.True(SurveyLinkToken.TryRead(token, [Key], out var link, out var error), error);
        Assert.Equal((caseId, FeedbackId, type, Expiry), (link!.CaseId, link.FeedbackId, link.Type, link.ExpiresAt));
        Assert.Equal(22, link.Nonce.Length);
        Assert.Equal("", error);
        // URL-safe as it is: no padding, nothing a query string would need escaped.
        Assert.Matches("^[A-Za-z0-9_.-]+$", token);
    }

    [Fact]
    public void Every_token_has_its_own_nonce()
    {
        var caseId = Guid.NewGuid();

        var nonces = Enumerable.Range(0, 50).Select(_ => Read(SurveyLinkToken.Create(Key, caseId, FeedbackId, SurveyType.Csat, Expiry)).Nonce).ToHashSet();

        Assert.Equal(50, nonces.Count);
    }

    [Fact]
    public void Expiry_keeps_whole_seconds()
    {
        var token = SurveyLinkToken.Create(Key, Guid.NewGuid(), FeedbackId, SurveyType.Nps, Expiry.AddMilliseconds(999));

        Assert.Equal(Expiry, Read(token).ExpiresAt);
    }

    [Fact]
    public void A_changed_payload_is_refused_as_not_issued_here()
    {
        var token = SurveyLinkToken.Create(Key, Guid.NewGuid(), FeedbackId, SurveyType.Csat, Expiry);
        var signature = token[(token.LastIndexOf('.') + 1)..];
        // The customer turns their CSAT link into a link for a later expiry, keeping the signature.
        var payload = SignedPayload.Payload(token).Replace($"|{Expiry.ToUnixTimeSeconds()}|", $"|{Expiry.AddYears(1).ToUnixTimeSeconds()}|");
        var tampered = $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{signature}";

        Assert.False(SurveyLinkToken.TryRead(tampered, [Key], out var link, out var error));
        Assert.Null(link);
        Assert.Equal("the survey link was not issued by this service", error);
    }

    [Fact]
    public void A_changed_signature_is_refused()
    {
        var token = SurveyLinkToken.Create(Key, Guid.NewGuid(), FeedbackId, SurveyType.Csat, Expiry);
        var last = token[^2];
        var tampered = token[..^2] + (last == 'A' ? 'B' : 'A') + token[^1];

        Assert.False(SurveyLinkToken.TryRead(tampered, [Key], out _, out var error));
        Assert.Equal("the survey link was not issued by this service", error);
    }

    [Fact]
    public void A_truncated_signature_is_refused()
    {
        var token = SurveyLinkToken.Create(Key, Guid.NewGuid(), FeedbackId, SurveyType.Csat, Expiry);

        Assert.False(SurveyLinkToken.TryRead(token[..^4], [Key], out _, out _));
    }

    [Fact]
    public void A_token_signed_with_another_key_is_refused()
    {
        var token = SurveyLinkToken.Create(OtherKey, Guid.NewGuid(), FeedbackId, SurveyType.Ces, Expiry);

        Assert.False(SurveyLinkToken.TryRead(token, [Key], out _, out var error));
        Assert.Equal("the survey link was not issued by this service", error);
    }

    [Fact]
    public void During_a_rotation_links_signed_with_the_previous_key_still_read()
    {
        var before = SurveyLinkToken.Create(OtherKey, Guid.NewGuid(), FeedbackId, SurveyType.Nps, Expiry);
        var after = SurveyLinkToken.Create(Key, Guid.NewGuid(), FeedbackId, SurveyType.Nps, Expiry);

        Assert.True(SurveyLinkToken.TryRead(before, [Key, OtherKey], out _, out _));
        Assert.True(SurveyLinkToken.TryRead(after, [Key, OtherKey], out _, out _));
        // Once the previous key is dropped, its links stop working.
        Assert.False(SurveyLinkToken.TryRead(before, [Key], out _, out _));
    }

    [Fact]
    public void No_keys_reads_nothing()
    {
        var token = SurveyLinkToken.Create(Key, Guid.NewGuid(), FeedbackId, SurveyType.Nps, Expiry);

        Assert.False(SurveyLinkToken.TryRead(token, [], out _, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData(".abc")]
    [InlineData("no-dot-at-all")]
    [InlineData("!!!.???")]
    [InlineData("abc.d+f/")]
    [InlineData("YQ.=")]
    public void Garbage_is_refused_as_damaged(string? token)
    {
        Assert.False(SurveyLinkToken.TryRead(token, [Key], out var link, out var error));
        Assert.Null(link);
        Assert.Contains(error, new[] { "the survey link is incomplete or damaged", "the survey link was not issued by this service" });
    }

    [Fact]
    public void An_oversized_token_is_refused_before_any_work()
    {
        var huge = SignedPayload.Token(Key, $"v1|{Guid.NewGuid():N}|{FeedbackId:N}|csat|{Expiry.ToUnixTimeSeconds()}|{new string('n', 600)}");

        Assert.False(SurveyLinkToken.TryRead(huge, [Key], out _, out var error));
        Assert.Equal("the survey link is incomplete or damaged", error);
    }

    [Theory]
    [InlineData("v1|{0}|{0}|stars|1798137015|nonce")]
    [InlineData("v2|{0}|{0}|csat|1798137015|nonce")]
    [InlineData("v1|not-a-guid|{0}|csat|1798137015|nonce")]
    [InlineData("v1|{0}|not-a-guid|csat|1798137015|nonce")]
    [InlineData("v1|{0}|csat|1798137015|nonce")]
    [InlineData("v1|{0}|{0}|csat|-5|nonce")]
    [InlineData("v1|{0}|{0}|csat|soon|nonce")]
    [InlineData("v1|{0}|{0}|csat|1798137015|")]
    [InlineData("v1|{0}|{0}|csat|1798137015")]
    [InlineData("v1|{0}|{0}|csat|1798137015|nonce|extra")]
    public void A_genuine_signature_over_an_unknown_format_is_refused(string payload)
    {
        var token = SignedPayload.Token(Key, string.Format(System.Globalization.CultureInfo.InvariantCulture, payload, Guid.NewGuid().ToString("N")));

        Assert.False(SurveyLinkToken.TryRead(token, [Key], out var link, out var error));
        Assert.Null(link);
        Assert.Equal("the survey link is of a format this service does not know", error);
    }

    [Fact]
    public void A_key_shorter_than_32_bytes_cannot_sign()
    {
        Assert.Throws<ArgumentException>(() => SurveyLinkToken.Create(new byte[31], Guid.NewGuid(), FeedbackId, SurveyType.Csat, Expiry));
    }

    [Fact]
    public void An_unknown_survey_type_cannot_be_signed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SurveyLinkToken.Create(Key, Guid.NewGuid(), FeedbackId, (SurveyType)42, Expiry));
    }

    private static SurveyLink Read(string token)
    {
        Assert.True(SurveyLinkToken.TryRead(token, [Key], out var link, out var error), error);
        return link!;
    }
}
