using System.Text.Json;
using Quality.BadInput.Targets;
using Quality.Contracts;

namespace Quality.BadInput.Tests;

public sealed class CatalogueTests
{
    [Fact]
    public void Route_parameters_are_named_without_constraints_and_filled_in_place()
    {
        Assert.Equal(["case_id", "id", "rest"], RouteTemplate.Parameters("/api/cases/{case_id}/x/{id:guid}/{*rest}"));
        Assert.Equal("/api/cases/a/x/b", RouteTemplate.Fill("/api/cases/{case_id}/x/{id:guid}", new Dictionary<string, string> { ["case_id"] = "a", ["id"] = "b" }));
    }

    [Fact]
    public void The_openapi_document_gives_each_operation_its_query_parameters_and_typed_body_fields()
    {
        using var document = JsonDocument.Parse("""
            {
              "paths": {
                "/api/goals/{id}": { "get": { "parameters": [ { "name": "id", "in": "path" }, { "name": "limit", "in": "query" } ] } },
                "/api/goals": { "post": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Goal" } } } } } },
                "/api/email": { "post": { "requestBody": { "content": { "message/rfc822": { } } } } }
              },
              "components": { "schemas": { "Goal": {
                "required": [ "metric" ],
                "properties": {
                  "metric": { "maxLength": 40 },
                  "target": { "type": [ "null", "number" ] },
                  "scopeIds": { "items": { "type": "string" } },
                  "owner": { "$ref": "#/components/schemas/Owner" }
                } },
                "Owner": { "type": "object", "properties": { "id": { "type": "string" } } } } }
            }
            """);

        var operations = OpenApiCatalogue.Parse("scoring", document.RootElement);

        var get = Assert.Single(operations, o => o.Method == HttpMethod.Get);
        Assert.Equal(["id"], get.PathParameters);
        Assert.Equal(["limit"], get.QueryParameters);
        Assert.False(get.TakesBody);
        var post = Assert.Single(operations, o => o.Route == "/api/goals");
        Assert.Equal(
            [new BodyField("metric", "string", Required: true), new BodyField("target", "number"), new BodyField("scopeIds", "array"), new BodyField("owner", "object")],
            post.BodyFields);
        Assert.True(post.TakesBody && post.BodyDescribed);
        var email = Assert.Single(operations, o => o.Route == "/api/email");
        Assert.True(email.TakesBody && !email.BodyDescribed);
    }

    [Fact]
    public void A_transcoded_route_takes_its_path_parameters_from_the_route_and_the_rest_of_the_message_as_body_or_query()
    {
        var routing = new ServiceTarget(ResourceNames.Routing, new Uri("http://127.0.0.1:1/"), new Uri("http://127.0.0.1:2/"), ContractCatalogue.Contracts[ResourceNames.Routing]);

        var operations = ContractCatalogue.TranscodedOperations(routing).ToList();

        var getCase = Assert.Single(operations, o => o.Method == HttpMethod.Get && o.Route == "/api/cases/{case_id}");
        Assert.Equal(["case_id"], getCase.PathParameters);
        Assert.DoesNotContain("caseId", getCase.QueryParameters);
        var assign = Assert.Single(operations, o => o.Route == "/api/cases/{case_id}/assign");
        Assert.True(assign.TakesBody);
        Assert.DoesNotContain(assign.BodyFields, f => f.Name == "caseId");
        Assert.NotEmpty(assign.BodyFields);
        Assert.True(ContractCatalogue.GrpcOperations(routing).Count() > operations.Count / 2);
    }
}
