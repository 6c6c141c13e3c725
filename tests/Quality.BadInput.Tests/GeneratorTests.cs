using Quality.BadInput.Attacks;
using Quality.BadInput.Credentials;
using Quality.BadInput.Targets;
using Quality.Contracts;

namespace Quality.BadInput.Tests;

public sealed class GeneratorTests
{
    private static readonly Credential Admin = new("admin-token", BearerToken: "a.b.c");

    [Fact]
    public void Every_refused_credential_is_tried_and_forged_ones_keep_the_claims_but_not_the_signature()
    {
        var refused = ForgedCredentials.From("eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYWRtaW4ifQ.signature");
        Assert.Equal(["none", "forged-signature", "alg-none", "not-a-jwt", "unknown-api-key"], refused.Select(c => c.Name));
        var forged = refused.Single(c => c.Name == "forged-signature").BearerToken!.Split('.');
        Assert.Equal("eyJyb2xlIjoiYWRtaW4ifQ", forged[1]);
        Assert.NotEqual("signature", forged[2]);

        var operation = new HttpOperation("scoring", HttpMethod.Get, "/api/goals", [], [], TakesBody: false, BodyDescribed: false);
        var attacks = HttpAttackGenerator.For(operation, Admin, refused, new Random(1)).Where(a => a.Kind == "auth").ToList();
        Assert.Equal(refused, attacks.Select(a => a.Credential));
    }

    [Fact]
    public void Free_text_gets_only_strings_no_field_takes_while_an_id_gets_every_injection_too()
    {
        var text = HttpAttackGenerator.FieldValues(new BodyField("comment", "string")).Select(v => v.Name).ToList();
        var id = HttpAttackGenerator.FieldValues(new BodyField("caseId", "string")).Select(v => v.Name).ToList();

        Assert.Contains("nul-character", text);
        Assert.Contains("overlong", text);
        Assert.DoesNotContain("sql-quote", text);
        Assert.Contains("sql-quote", id);
        Assert.Contains("path-traversal", id);
        Assert.Contains("number", id);
    }

    [Fact]
    public void Whole_json_objects_are_sent_only_where_a_required_field_makes_them_malformed()
    {
        var optional = new HttpOperation("intake", HttpMethod.Post, "/api/x", [], [new BodyField("note", "string")], TakesBody: true, BodyDescribed: true);
        var required = optional with { BodyFields = [new BodyField("text", "string", Required: true)] };

        Assert.DoesNotContain(HttpAttackGenerator.For(optional, Admin, [], new Random(1)), a => a.Kind == "body:many-properties");
        Assert.Contains(HttpAttackGenerator.For(required, Admin, [], new Random(1)), a => a.Kind == "body:many-properties");
        Assert.Contains(HttpAttackGenerator.For(optional, Admin, [], new Random(1)), a => a.Kind == "body:unclosed");
    }

    [Fact]
    public void A_request_is_built_with_the_hostile_path_value_and_the_credential()
    {
        var operation = new HttpOperation("scoring", HttpMethod.Get, "/api/goals/{id}", ["limit"], [], TakesBody: false, BodyDescribed: false);
        var attack = HttpAttackGenerator.For(operation, Admin, [], new Random(1)).Single(a => a.Kind == "path:id:not-a-guid");

        using var request = attack.Build(new Uri("http://127.0.0.1:5000/"));

        Assert.Equal("http://127.0.0.1:5000/api/goals/not-a-guid", request.RequestUri!.ToString());
        Assert.Equal("Bearer a.b.c", request.Headers.GetValues("Authorization").Single());
    }

    [Fact]
    public void Grpc_attacks_cover_the_wire_and_each_field_and_skip_what_would_be_a_valid_request()
    {
        var scoring = ContractCatalogue.Contracts[ResourceNames.Scoring];
        var methods = scoring.Services.SelectMany(s => s.Methods).ToList();
        var getKpis = new GrpcOperation(ResourceNames.Scoring, methods.Single(m => m.Name == "GetKpis"));
        var rebuild = new GrpcOperation(ResourceNames.Scoring, methods.Single(m => m.Name == "RebuildLive"));

        var kinds = GrpcAttackGenerator.For(getKpis, Admin, [], new Random(1)).Select(a => a.Kind).ToList();
        Assert.Contains("wire:5-mib", kinds);
        Assert.Contains("wire:defaults", kinds);
        Assert.Contains("field:scope:sql-quote", kinds);
        Assert.Contains(kinds, k => k.StartsWith("field:from:year-10000", StringComparison.Ordinal) || k.StartsWith("field:", StringComparison.Ordinal));

        // RebuildLive takes an empty message: an empty request or unknown fields are a valid call.
        var rebuildKinds = GrpcAttackGenerator.For(rebuild, Admin, [], new Random(1)).Select(a => a.Kind).ToList();
        Assert.DoesNotContain("wire:defaults", rebuildKinds);
        Assert.DoesNotContain("wire:unknown-field", rebuildKinds);
        Assert.Contains("wire:lying-length", rebuildKinds);
    }
}
