using Quality.ServiceDefaults.Errors;

namespace Quality.Routing.Features.Cases;

/// <summary>How statuses are spelled for people and other services: open, assigned, pending_customer, resolved, closed.</summary>
public static class CaseStatusNames
{
    public const string AllNames = "open, assigned, pending_customer, resolved, closed";

    public static string Name(this CaseStatus status) => status switch
    {
        CaseStatus.PendingCustomer => "pending_customer",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static CaseStatus Parse(string value, string field) =>
        Enum.TryParse<CaseStatus>(value.Replace("_", ""), ignoreCase: true, out var status) && Enum.IsDefined(status)
            ? status
            : throw new RequestValidationException(field, $"must be one of {AllNames}");
}
