namespace Quality.Routing.Features.Teams;

/// <summary>A group of agents led by supervisors; a person's <c>team</c> claim names one of these.</summary>
public sealed class Team
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
