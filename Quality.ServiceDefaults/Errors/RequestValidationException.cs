namespace Quality.ServiceDefaults.Errors;

/// <summary>The request itself is wrong (HTTP 400, gRPC INVALID_ARGUMENT); each entry names a field and what is wrong with it.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public RequestValidationException(string field, string error) : this(new Dictionary<string, string[]> { [field] = [error] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
