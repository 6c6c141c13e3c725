using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Quality.Contracts.Intake;
using Quality.Intake.Features.Feedback;
using Quality.Intake.Features.Privacy;

namespace Quality.Intake.Tests.Features.Privacy;

public sealed class PiiProtectorTests
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string Lookup = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_value_moved_to_another_item_does_not_decrypt()
    {
        var pii = Protector("a", ("a", KeyA));
        var (first, second) = (Item(), Item());
        pii.Protect(first, new CustomerContact("a@example.com", null, null));
        pii.Protect(second, new CustomerContact("b@example.com", null, null));

        second.CustomerEmail = first.CustomerEmail;

        Assert.Equal("a@example.com", pii.Reveal(first)!.Email);
        Assert.ThrowsAny<CryptographicException>(() => pii.Reveal(second));
    }

    [Fact]
    public void Rotation_writes_with_the_new_key_and_reads_the_old_and_lookups_stay_equal()
    {
        var before = Protector("a", ("a", KeyA));
        var after = Protector("b", ("a", KeyA), ("b", KeyB));
        var old = Item();
        before.Protect(old, new CustomerContact("x@example.com", "+8613800138000", "Li"));
        var oldLookup = old.EmailLookup;

        Assert.Equal(new CustomerContact("x@example.com", "+8613800138000", "Li"), after.Reveal(old));
        after.Protect(old, after.Reveal(old)!);
        Assert.Equal("b", old.PiiKeyId);
        Assert.Equal(oldLookup, old.EmailLookup);
        Assert.Throws<InvalidOperationException>(() => Protector("c", ("c", KeyB)).Reveal(Item(old.PiiKeyId = "a")));
    }

    [Fact]
    public void Without_keys_contact_fields_are_refused_by_name()
    {
        var pii = new PiiProtector(Options.Create(new PiiOptions()));

        var refusal = pii.Refusal(CustomerContact.From("a@example.com", null, "Ann"), "items[2].");

        Assert.False(pii.Enabled);
        Assert.Equal(["items[2].customerEmail", "items[2].customerName"], refusal!.Keys.Order());
        Assert.Null(pii.Refusal(null));
    }

    [Theory]
    [InlineData("jane.doe@example.com", "j***@e***.com")]
    [InlineData("a@b", "a***@b***")]
    public void Emails_are_masked(string email, string masked) => Assert.Equal(masked, ContactMask.Email(email));

    [Fact]
    public void Phones_keep_four_digits_and_names_their_first_letter()
    {
        Assert.Equal("***8000", ContactMask.Phone(CustomerContact.NormalizePhone("+86 (138) 0013-8000")));
        Assert.Equal("+8613800138000", CustomerContact.NormalizePhone("+86 (138) 0013-8000"));
        Assert.Equal("A***", ContactMask.Name("Al"));
    }

    [Fact]
    public void Invalid_key_configuration_is_named()
    {
        var result = new PiiOptionsValidator().Validate(null, new PiiOptions { ActiveKeyId = "x", Keys = { ["a"] = "c2hvcnQ=" } });

        Assert.Contains(result.Failures!, f => f.Contains("'Intake:Pii:Keys:a'"));
        Assert.Contains(result.Failures!, f => f.Contains("'Intake:Pii:ActiveKeyId'"));
        Assert.Contains(result.Failures!, f => f.Contains("'Intake:Pii:LookupKey'"));
    }

    private static PiiProtector Protector(string active, params (string Id, string Key)[] keys) =>
        new(Options.Create(new PiiOptions { ActiveKeyId = active, Keys = keys.ToDictionary(k => k.Id, k => k.Key), LookupKey = Lookup }));

    private static FeedbackItem Item(string? keyId = null) => new()
    {
        Id = Guid.CreateVersion7(),
        Channel = "api",
        Text = "x",
        Category = "other",
        Language = "en",
        Kind = FeedbackKind.Inquiry,
        PiiKeyId = keyId,
    };
}
