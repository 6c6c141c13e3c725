using System.Net;
using Grpc.Core;
using Quality.BadInput.Attacks;
using Quality.BadInput.Checks;
using Quality.BadInput.Credentials;
using Quality.BadInput.Targets;

namespace Quality.BadInput.Tests;

public sealed class JudgeTests
{
    private static readonly HttpOperation Write = new("intake", HttpMethod.Post, "/api/feedback", [], [new BodyField("text", "string", true)], true, true);
    private static readonly HttpOperation Read = Write with { Method = HttpMethod.Get, TakesBody = false };
    private const string Problem = """{"title":"The request is invalid.","status":400}""";

    private static HttpAttack Attack(HttpOperation operation, string kind = "body:unclosed", Credential? credential = null, bool mayClose = false) =>
        new(operation, kind, credential ?? new Credential("admin-token", "t"), _ => new HttpRequestMessage(), mayClose);

    [Fact]
    public void Http_answers_are_judged_by_status_and_whether_the_refusal_explains_itself()
    {
        Assert.Equal(Verdict.Refused, HttpJudge.Judge(Attack(Write), false, HttpStatusCode.BadRequest, "application/problem+json", Problem).Verdict);
        Assert.Equal(Verdict.Failed, HttpJudge.Judge(Attack(Write), false, HttpStatusCode.InternalServerError, "application/problem+json", Problem).Verdict);
        // The transcoder's own status JSON names no field: not a clear refusal.
        Assert.Equal(Verdict.Failed, HttpJudge.Judge(Attack(Write), false, HttpStatusCode.BadRequest, "application/json", """{"code":3,"message":"x"}""").Verdict);
        // Kestrel's bare refusals before any endpoint runs.
        Assert.Equal(Verdict.Refused, HttpJudge.Judge(Attack(Write), false, HttpStatusCode.BadRequest, null, "").Verdict);
        Assert.Equal(Verdict.Refused, HttpJudge.Judge(Attack(Write), false, HttpStatusCode.RequestHeaderFieldsTooLarge, null, "").Verdict);
        Assert.Equal(Verdict.Failed, HttpJudge.Judge(Attack(Write), false, HttpStatusCode.Created, "application/json", "{}").Verdict);
        Assert.Equal(Verdict.AcceptedRead, HttpJudge.Judge(Attack(Read, "query:limit:negative"), false, HttpStatusCode.OK, "application/json", "[]").Verdict);
    }

    [Fact]
    public void Refused_credentials_must_meet_401_or_403_unless_the_endpoint_is_open_to_anyone()
    {
        var forged = new Credential("forged-signature", "x.y.z");
        Assert.Equal(Verdict.Refused, HttpJudge.Judge(Attack(Read, "auth", forged), false, HttpStatusCode.Unauthorized, "application/problem+json", Problem).Verdict);
        Assert.Equal(Verdict.Failed, HttpJudge.Judge(Attack(Read, "auth", forged), false, HttpStatusCode.OK, "application/json", "[]").Verdict);
        Assert.Equal(Verdict.Failed, HttpJudge.Judge(Attack(Write, "auth", forged), false, HttpStatusCode.BadRequest, "application/problem+json", Problem).Verdict);
        Assert.Equal(Verdict.Refused, HttpJudge.Judge(Attack(Write, "auth", forged), true, HttpStatusCode.BadRequest, "application/problem+json", Problem).Verdict);
    }

    [Fact]
    public void A_connection_closed_during_an_oversized_upload_is_a_refusal_and_otherwise_a_failure()
    {
        Assert.Equal(Verdict.Refused, HttpJudge.Unanswered(Attack(Write, "body:40-mib", mayClose: true), new HttpRequestException("reset")).Verdict);
        Assert.Equal(Verdict.Failed, HttpJudge.Unanswered(Attack(Write), new HttpRequestException("reset")).Verdict);
        Assert.Equal(Verdict.Failed, HttpJudge.Unanswered(Attack(Write), new TaskCanceledException()).Verdict);
    }

    [Fact]
    public void Grpc_statuses_are_judged_by_code_and_message()
    {
        var method = Quality.Scoring.Grpc.ScoringReflection.Descriptor.Services.SelectMany(s => s.Methods).Single(m => m.Name == "CreateGoal");
        var attack = new GrpcAttack(new GrpcOperation("scoring", method), "field:metric:sql-quote", new Credential("admin-token", "t"), []);

        Assert.Equal(Verdict.Refused, GrpcJudge.Judge(attack, new Status(StatusCode.InvalidArgument, "metric: unknown"), false).Verdict);
        Assert.Equal(Verdict.Failed, GrpcJudge.Judge(attack, new Status(StatusCode.InvalidArgument, ""), false).Verdict);
        Assert.Equal(Verdict.Failed, GrpcJudge.Judge(attack, new Status(StatusCode.Internal, "boom"), false).Verdict);
        Assert.Equal(Verdict.Failed, GrpcJudge.Judge(attack, Status.DefaultSuccess, false).Verdict);
        Assert.Equal(Verdict.Refused, GrpcJudge.Judge(attack with { Kind = "wire:truncated-varint" },
            new Status(StatusCode.Unknown, "Exception was thrown by handler. InvalidProtocolBufferException: truncated"), false).Verdict);
        Assert.Equal(Verdict.Failed, GrpcJudge.Judge(attack with { Kind = "auth", Credential = Credential.None }, new Status(StatusCode.InvalidArgument, "x"), false).Verdict);
    }
}
