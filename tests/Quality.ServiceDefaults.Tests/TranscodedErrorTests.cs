using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Quality.ServiceDefaults.Errors;

namespace Quality.ServiceDefaults.Tests;

/// <summary>A gRPC method called through its HTTP route answers errors as ProblemDetails, like any endpoint.</summary>
public sealed class TranscodedErrorTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = TestApp.CreateBuilder();
        builder.Services.AddQualityGrpc();
        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.MapGrpcService<TranscodedService>().AllowAnonymous();
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _client = _app.GetTestClient();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, HttpStatusCode> Cases => new()
    {
        { "invalid", HttpStatusCode.BadRequest },
        { "missing", HttpStatusCode.NotFound },
        { "busy", HttpStatusCode.Conflict },
        { "bug", HttpStatusCode.InternalServerError },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Thrown_errors_answer_problem_details_with_the_http_status_of_the_exception(string key, HttpStatusCode expected)
    {
        var response = await _client.GetAsync($"/things/{key}", TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("secret internals", problem.GetRawText());
        if (key == "invalid")
        {
            Assert.Equal("must not be 'invalid'", problem.GetProperty("errors").GetProperty("key")[0].GetString());
        }
    }

    [Fact]
    public async Task A_nul_character_in_a_query_or_a_body_answers_problem_details_naming_where()
    {
        var query = await _client.GetAsync("/things/abc?filter=a%00b", TestContext.Current.CancellationToken);
        var body = await _client.PostAsync("/things",
            new StringContent("{\"key\":\"a\\u0000b\"}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        foreach (var (response, field) in new[] { (query, "filter"), (body, "key") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
            Assert.Equal("contains a NUL character", problem.GetProperty("errors").GetProperty(field)[0].GetString());
        }
    }

    [Fact]
    public async Task A_body_the_transcoder_cannot_read_answers_problem_details_saying_why()
    {
        var response = await _client.PostAsync("/things",
            new StringContent("{\"key\":\"a\",\"count\":\"many\"}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Success_passes_through_unchanged()
    {
        var response = await _client.PostAsync("/things",
            new StringContent("{\"key\":\"ok\",\"count\":2}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ok", JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("key").GetString());
    }
}
