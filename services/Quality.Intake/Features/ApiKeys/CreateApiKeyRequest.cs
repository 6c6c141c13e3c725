using System.ComponentModel.DataAnnotations;

namespace Quality.Intake.Features.ApiKeys;

public sealed record CreateApiKeyRequest
{
    /// <summary>What the key is for, e.g. "Qualtrics survey export"; shown in the list.</summary>
    [Required, StringLength(100, MinimumLength = 1)]
    public string Name { get; init; } = "";

    [Required]
    public string Channel { get; init; } = "";
}
