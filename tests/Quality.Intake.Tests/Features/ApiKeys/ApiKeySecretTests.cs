using Quality.Intake.Features.ApiKeys;

namespace Quality.Intake.Tests.Features.ApiKeys;

public sealed class ApiKeySecretTests
{
    [Fact]
    public void A_created_key_matches_its_hash_and_its_prefix_is_readable()
    {
        var (key, prefix, hash) = ApiKeySecret.Create();

        Assert.True(ApiKeySecret.TryGetPrefix(key, out var read));
        Assert.Equal(prefix, read);
        Assert.True(ApiKeySecret.Matches(key, hash));
        Assert.Equal(32, hash.Length);
    }

    [Fact]
    public void A_key_with_one_character_changed_does_not_match()
    {
        var (key, _, hash) = ApiKeySecret.Create();
        var altered = key[..^1] + (key[^1] == 'a' ? 'b' : 'a');

        Assert.False(ApiKeySecret.Matches(altered, hash));
    }

    [Fact]
    public void Two_keys_never_share_a_secret_or_prefix()
    {
        var first = ApiKeySecret.Create();
        var second = ApiKeySecret.Create();

        Assert.NotEqual(first.Key, second.Key);
        Assert.NotEqual(first.Prefix, second.Prefix);
    }

    [Theory]
    [InlineData("")]
    [InlineData("secret")]
    [InlineData("qk_short")]
    [InlineData("xx_0123456789ab_rest")]
    public void Something_not_shaped_like_a_key_has_no_prefix(string presented) =>
        Assert.False(ApiKeySecret.TryGetPrefix(presented, out _));
}
