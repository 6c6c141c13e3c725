using Quality.ServiceDefaults.Errors;

namespace Quality.Routing.Features.Access;

/// <summary>Collects every invalid field of a request, so one answer names them all.</summary>
public sealed class FieldErrors
{
    public const int MaxIdLength = 100;

    private readonly Dictionary<string, List<string>> _errors = [];

    public void Check(string field, bool valid, string error)
    {
        if (!valid)
        {
            Add(field, error);
        }
    }

    /// <summary>
    /// A team's or an agent's id: what people's tokens carry as <c>sub</c> and <c>team</c>, so it allows what identity
    /// providers put there (UUIDs, emails, <c>auth0|123</c>, names in any script) and nothing that reads as markup,
    /// a path, a query or a line break wherever the id is shown or passed on.
    /// </summary>
    public void RequireId(string field, string value)
    {
        Check(field, value.Trim().Length > 0, "is required");
        Check(field, value.Length <= MaxIdLength, $"must be at most {MaxIdLength} characters");
        Check(field, value == value.Trim(), "must not start or end with spaces");
        Check(field, value.All(c => char.IsLetterOrDigit(c) || IdPunctuation.Contains(c)), $"may hold only letters, digits and {IdPunctuation}");
    }

    private const string IdPunctuation = "._@|:+-";

    public void Add(string field, string error)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(error);
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new RequestValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }

    public static Guid ParseId(string value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw new RequestValidationException(field, "must be a UUID");
}
