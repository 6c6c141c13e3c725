using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Quality.Intake.Features.Reviews;

/// <summary>
/// The small part of JSONPath a field mapping needs: one value by member names and array indexes, as in
/// <c>$.review.reviewer.displayName</c>, <c>$.texts[0].body</c> or <c>$['user name']</c>. No wildcards or
/// filters: a mapping names exactly one value.
/// </summary>
public sealed class JsonPath
{
    private readonly IReadOnlyList<object> _steps;

    private JsonPath(string text, IReadOnlyList<object> steps)
    {
        Text = text;
        _steps = steps;
    }

    public string Text { get; }

    public override string ToString() => Text;

    /// <summary>The value at this path, or false when a step is missing or the value is JSON null.</summary>
    public bool TryFind(JsonElement root, out JsonElement value)
    {
        value = root;
        foreach (var step in _steps)
        {
            if (step is string name && value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var member))
            {
                value = member;
            }
            else if (step is int index && value.ValueKind == JsonValueKind.Array && index < value.GetArrayLength())
            {
                value = value[index];
            }
            else
            {
                return false;
            }
        }

        return value.ValueKind != JsonValueKind.Null;
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out JsonPath? path, out string error)
    {
        path = null;
        error = "";
        if (string.IsNullOrWhiteSpace(text) || text[0] != '$')
        {
            error = "must start with $ (e.g. $.review.id)";
            return false;
        }

        var steps = new List<object>();
        var position = 1;
        while (position < text.Length)
        {
            if (text[position] == '.')
            {
                var end = text.IndexOfAny(['.', '['], position + 1);
                end = end < 0 ? text.Length : end;
                var name = text[(position + 1)..end];
                if (name.Length == 0)
                {
                    error = $"has an empty member name at position {position + 1}";
                    return false;
                }

                steps.Add(name);
                position = end;
            }
            else if (text[position] == '[')
            {
                // A quoted name ends at the first '] so that it may itself hold brackets (['x[1]']).
                var quoted = position + 1 < text.Length && text[position + 1] == '\'';
                var close = quoted ? text.IndexOf("']", position + 2, StringComparison.Ordinal) : text.IndexOf(']', position);
                if (close < 0)
                {
                    error = $"has an unclosed [ at position {position + 1}";
                    return false;
                }

                var inside = text[(position + 1)..close];
                if (quoted)
                {
                    steps.Add(text[(position + 2)..close]);
                    close++;
                }
                else if (int.TryParse(inside, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
                {
                    steps.Add(index);
                }
                else
                {
                    error = $"has [{inside}] at position {position + 1}: use an index ([0]) or a quoted name (['name'])";
                    return false;
                }

                position = close + 1;
            }
            else
            {
                error = $"has '{text[position]}' at position {position + 1} where . or [ was expected";
                return false;
            }
        }

        path = new JsonPath(text, steps);
        return true;
    }
}
