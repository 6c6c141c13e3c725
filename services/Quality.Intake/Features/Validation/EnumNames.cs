namespace Quality.Intake.Features.Validation;

/// <summary>Reads an enum from a request by its name only: <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> also takes "2" or undefined numbers.</summary>
internal static class EnumNames
{
    public static bool TryParse<T>(string value, out T parsed) where T : struct, Enum =>
        Enum.TryParse(value, ignoreCase: true, out parsed) && Enum.IsDefined(parsed) && value.Length > 0 && !char.IsDigit(value[0]);
}
