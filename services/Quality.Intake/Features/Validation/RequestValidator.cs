using System.ComponentModel.DataAnnotations;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Features.Validation;

/// <summary>Data-annotation checks whose failures name the JSON field (camelCase), as clients spell it.</summary>
internal static class RequestValidator
{
    /// <summary>Throws a <see cref="RequestValidationException"/> (400) naming every failing field.</summary>
    public static void Validate(object request)
    {
        if (Errors(request) is { } errors)
        {
            throw new RequestValidationException(errors);
        }
    }

    /// <summary>The failing fields, or null when the request is valid.</summary>
    public static Dictionary<string, string[]>? Errors(object request, string fieldPrefix = "")
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
        {
            return null;
        }

        return results
            .GroupBy(r => fieldPrefix + JsonName(r.MemberNames.FirstOrDefault() ?? ""))
            .ToDictionary(g => g.Key, g => g.Select(r => r.ErrorMessage ?? "is invalid").ToArray());
    }

    public static string JsonName(string member) => member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];
}
