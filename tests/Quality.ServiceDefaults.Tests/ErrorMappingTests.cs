using System.Net;
using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Npgsql;
using Quality.ServiceDefaults.Errors;

namespace Quality.ServiceDefaults.Tests;

public sealed class ErrorMappingTests
{
    public static TheoryData<string, HttpStatusCode> Cases => new()
    {
        { "validation", HttpStatusCode.BadRequest },
        { "missing", HttpStatusCode.NotFound },
        { "conflict", HttpStatusCode.Conflict },
        { "forbidden", HttpStatusCode.Forbidden },
        { "database", HttpStatusCode.ServiceUnavailable },
        { "bug", HttpStatusCode.InternalServerError },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Exceptions_become_problem_details_with_the_right_status(string kind, HttpStatusCode expected)
    {
        await using var app = TestApp.CreateBuilder().Build();
        app.MapDefaultEndpoints();
        app.MapGet("/fail/{kind}", (string kind) => Throw(kind)).AllowAnonymous();
        await app.StartAsync(TestContext.Current.CancellationToken);

        var response = await app.GetTestClient().GetAsync($"/fail/{kind}", TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("secret internals", body);
        // Only an outage says when to come back; a bug or a refusal will not change by waiting.
        Assert.Equal(kind == "database" ? "2" : null, response.Headers.TryGetValues("Retry-After", out var wait) ? wait.Single() : null);
        if (kind == "validation")
        {
            Assert.Equal("must not be empty", JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("text")[0].GetString());
        }
    }

    [Theory]
    [InlineData("{not json", "body")]
    [InlineData("{\"score\":\"high\"}", "score")]
    public async Task Unreadable_json_body_names_the_field(string body, string field)
    {
        await using var app = TestApp.CreateBuilder().Build();
        app.MapDefaultEndpoints();
        app.MapPost("/answers", (Answer answer) => answer.Score).AllowAnonymous();
        await app.StartAsync(TestContext.Current.CancellationToken);

        var response = await app.GetTestClient().PostAsync(
            "/answers", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.DoesNotContain("System.", problem.GetRawText());
    }

    public sealed record Answer(int Score);

    [Fact]
    public void Grpc_statuses_carry_the_message_and_field_violations()
    {
        var invalid = GrpcExceptionInterceptor.ToRpc(new RequestValidationException("case_id", "must be a UUID"))!;
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Contains("case_id: must be a UUID", invalid.Status.Detail);
        Assert.Equal("case_id: must be a UUID", invalid.Trailers.GetValue("field-violation"));

        Assert.Equal(StatusCode.NotFound, GrpcExceptionInterceptor.ToRpc(new NotFoundException("no"))!.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, GrpcExceptionInterceptor.ToRpc(new ConflictException("no"))!.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, GrpcExceptionInterceptor.ToRpc(new ForbiddenException("no"))!.StatusCode);
        Assert.Null(GrpcExceptionInterceptor.ToRpc(new InvalidOperationException("secret internals")));
    }

    [Fact]
    public void A_database_that_cannot_be_reached_is_unavailable_however_deep_the_failure_is_wrapped()
    {
        // As EF Core wraps what Npgsql throws when a pooled connection turns out to be broken.
        var wrapped = new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("Exception while reading from stream", new EndOfStreamException()));
        var unavailable = GrpcExceptionInterceptor.ToRpc(wrapped)!;
        Assert.Equal(StatusCode.Unavailable, unavailable.StatusCode);
        Assert.DoesNotContain("stream", unavailable.Status.Detail);
        Assert.Equal(503, ProblemDetailsExceptionHandler.ProblemFor(wrapped)!.Status);

        // A statement the database rejects for good (here a unique violation) is not an outage: waiting changes nothing.
        var refused = new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation);
        Assert.Null(GrpcExceptionInterceptor.ToRpc(refused));
        Assert.Null(ProblemDetailsExceptionHandler.ProblemFor(new InvalidOperationException("wrapped", refused)));
        Assert.Equal(StatusCode.Unavailable, GrpcExceptionInterceptor.ToRpc(
            new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown))!.StatusCode);
    }

    private static IResult Throw(string kind) => kind switch
    {
        "validation" => throw new RequestValidationException("text", "must not be empty"),
        "missing" => throw new NotFoundException("Case 1 does not exist."),
        "conflict" => throw new ConflictException("Case 1 is closed."),
        "forbidden" => throw new ForbiddenException("Not your team's case."),
        "database" => throw new NpgsqlException("secret internals: connection refused", new System.Net.Sockets.SocketException()),
        _ => throw new InvalidOperationException("secret internals"),
    };
}
