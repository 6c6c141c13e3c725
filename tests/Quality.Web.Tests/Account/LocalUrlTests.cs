using Quality.Web.Account;

namespace Quality.Web.Tests.Account;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/queue?team=a", "/queue?team=a")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("/\r\nSet-Cookie: x=y", "/")]
    [InlineData("javascript:alert(1)", "/")]
    public void Only_paths_on_this_site_are_returned_to(string? url, string expected) =>
        Assert.Equal(expected, LocalUrl.OrRoot(url));
}
