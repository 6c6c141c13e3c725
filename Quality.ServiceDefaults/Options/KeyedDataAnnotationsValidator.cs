using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Quality.ServiceDefaults.Options;

/// <summary>DataAnnotations validation whose failures carry the full configuration key of each member.</summary>
internal sealed class KeyedDataAnnotationsValidator<T>(string sectionName) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        var failures = results.Select(r =>
        {
            var member = r.MemberNames.FirstOrDefault();
            var key = member is null ? sectionName : $"{sectionName}:{member}";
            return $"Configuration value '{key}' is invalid: {r.ErrorMessage}";
        });
        return ValidateOptionsResult.Fail(failures);
    }
}
