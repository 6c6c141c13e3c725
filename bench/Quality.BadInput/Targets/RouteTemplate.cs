using System.Text;

namespace Quality.BadInput.Targets;

/// <summary>Route templates as ASP.NET Core and gRPC transcoding write them: <c>/api/cases/{case_id}</c>, <c>{id:guid}</c>, <c>{*rest}</c>.</summary>
public static class RouteTemplate
{
    public static IReadOnlyList<string> Parameters(string route)
    {
        var names = new List<string>();
        var start = -1;
        for (var i = 0; i < route.Length; i++)
        {
            if (route[i] == '{')
            {
                start = i + 1;
            }
            else if (route[i] == '}' && start >= 0)
            {
                names.Add(Name(route[start..i]));
                start = -1;
            }
        }

        return names;
    }

    /// <summary>The path with each parameter replaced by its (already URL-safe) value.</summary>
    public static string Fill(string route, IReadOnlyDictionary<string, string> values)
    {
        var path = new StringBuilder(route.Length);
        var start = -1;
        for (var i = 0; i < route.Length; i++)
        {
            if (route[i] == '{')
            {
                start = i + 1;
            }
            else if (route[i] == '}' && start >= 0)
            {
                path.Append(values[Name(route[start..i])]);
                start = -1;
            }
            else if (start < 0)
            {
                path.Append(route[i]);
            }
        }

        return path.ToString();
    }

    // "{id:guid}" → "id", "{*rest}" → "rest", "{name=agents/*}" (transcoding) → "name".
    private static string Name(string parameter) =>
        parameter.TrimStart('*').Split(':', '=', '?')[0];
}
