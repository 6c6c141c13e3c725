using System.Text.Json.Nodes;
using Quality.Intake.Features.Reviews;

namespace Quality.Intake.Tests.Fuzzing.Reviews;

/// <summary>A source's mapping, a payload written for it, and the fields the mapper must read from it.</summary>
internal sealed record ReviewCase(ReviewSourceOptions Mapping, JsonObject Payload, ReviewFields Expected)
{
    public override string ToString() =>
        $"mapping {string.Join(", ", ReviewGen.Paths(Mapping))}; payload {Payload.ToJsonString()}; expected {Expected}";
}
