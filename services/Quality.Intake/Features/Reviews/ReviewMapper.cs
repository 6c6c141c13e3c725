using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Features.Reviews;

/// <summary>
/// Reads a webhook payload through a source's declared mapping. Errors are keyed by the JSON path that was
/// missing or wrong, since that is what the sender's payload and the operator's configuration both show.
/// </summary>
public static class ReviewMapper
{
    public const int MaxTextLength = 20_000;
    private const int MaxExternalIdLength = 150;
    private const int MaxAuthorLength = 200;
    private const string NotUnicode = "is not valid Unicode text: it escapes half of a surrogate pair";

    public static ReviewFields Map(ReviewSourceOptions mapping, JsonElement payload)
    {
        var errors = new Dictionary<string, string[]>();

        var externalId = ReadString(payload, mapping.ExternalId, errors, allowNumber: true);
        // A blank id would make every review of the source a duplicate of the first one stored with it.
        if (string.IsNullOrWhiteSpace(externalId) && mapping.ExternalId is { } idPath && !errors.ContainsKey(idPath))
        {
            errors[idPath] = ["is required: the review's id (mapped as ExternalId)"];
        }
        else if (externalId is { Length: > MaxExternalIdLength })
        {
            errors[mapping.ExternalId!] = [$"must be at most {MaxExternalIdLength} characters"];
        }

        var text = ReadString(payload, mapping.Text, errors)?.Trim() ?? "";
        if (text.Length > MaxTextLength)
        {
            errors[mapping.Text!] = [$"must be at most {MaxTextLength:N0} characters"];
        }

        var rating = ReadRating(payload, mapping, errors);
        var textOrRatingWrong = mapping.Text is { } t && errors.ContainsKey(t) || mapping.Rating is { } r && errors.ContainsKey(r);
        if (text.Length == 0 && rating is null && !textOrRatingWrong)
        {
            errors[mapping.Text ?? mapping.Rating!] = [mapping.Rating is null ? "is required: the review's text (mapped as Text)" : $"is required unless {mapping.Rating} gives a rating"];
        }

        var author = ReadString(payload, mapping.Author, errors)?.Trim();
        if (author is { Length: > MaxAuthorLength })
        {
            errors[mapping.Author!] = [$"must be at most {MaxAuthorLength} characters"];
        }

        var createdAt = ReadTime(payload, mapping.CreatedAt, errors);
        var language = Language(ReadString(payload, mapping.Language, errors));

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return new ReviewFields(externalId!, text, rating, string.IsNullOrEmpty(author) ? null : author, createdAt, language);
    }

    private static string? ReadString(JsonElement payload, string? path, Dictionary<string, string[]> errors, bool allowNumber = false)
    {
        if (!TryFind(payload, path, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            if (TryGetText(value, out var text))
            {
                return text;
            }

            errors[path!] = [NotUnicode];
            return null;
        }

        if (allowNumber && value.ValueKind == JsonValueKind.Number)
        {
            return value.GetRawText();
        }

        errors[path!] = [allowNumber ? "must be a string or a number" : "must be a string"];
        return null;
    }

    private static double? ReadRating(JsonElement payload, ReviewSourceOptions mapping, Dictionary<string, string[]> errors)
    {
        if (!TryFind(payload, mapping.Rating, out var value))
        {
            return null;
        }

        var scale = mapping.RatingScale;
        var text = TryGetText(value, out var t) ? t : null;
        double? rating = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when scale.Values.FirstOrDefault(v => string.Equals(v.Key, text, StringComparison.OrdinalIgnoreCase)) is { Key: not null } word => word.Value,
            JsonValueKind.String when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            _ => null,
        };
        if (rating is null)
        {
            var words = scale.Values.Count > 0 ? $" or one of: {string.Join(", ", scale.Values.Keys)}" : "";
            errors[mapping.Rating!] = [$"must be a number from {scale.Min} to {scale.Max}{words}"];
        }
        // "NaN" parses as a number and compares false with everything, so it is refused by name.
        else if (double.IsNaN(rating.Value) || rating < scale.Min || rating > scale.Max)
        {
            errors[mapping.Rating!] = [$"must be between {scale.Min} and {scale.Max} (got {rating})"];
            rating = null;
        }

        return rating;
    }

    private static DateTimeOffset? ReadTime(JsonElement payload, string? path, Dictionary<string, string[]> errors)
    {
        if (!TryFind(payload, path, out var value))
        {
            return null;
        }

        if (TryGetText(value, out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed.ToUniversalTime();
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds) && seconds is >= 0 and <= 253_402_300_799)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        errors[path!] = ["must be an ISO 8601 date and time or Unix seconds"];
        return null;
    }

    /// <summary>
    /// The string's text; false for other kinds and for a string that escapes half a surrogate pair ("\ud800"),
    /// which is valid JSON but not text (<see cref="JsonElement.GetString"/> throws on it).
    /// </summary>
    private static bool TryGetText(JsonElement value, [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            text = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryFind(JsonElement payload, string? path, out JsonElement value)
    {
        value = default;
        // Paths were checked at start (ReviewSourcesValidator), so parsing cannot fail here.
        return path is not null && JsonPath.TryParse(path, out var parsed, out _) && parsed.TryFind(payload, out value);
    }

    /// <summary>zh, zh-CN, zh-Hant-TW → zh; en-GB → en; anything else is left to the classifier.</summary>
    private static string? Language(string? tag) => tag?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        var t when t == "zh" || t.StartsWith("zh-", StringComparison.Ordinal) || t.StartsWith("zh_", StringComparison.Ordinal) => "zh",
        var t when t == "en" || t.StartsWith("en-", StringComparison.Ordinal) || t.StartsWith("en_", StringComparison.Ordinal) => "en",
        _ => null,
    };
}
