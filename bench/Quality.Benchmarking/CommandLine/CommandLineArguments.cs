namespace Quality.Benchmarking.CommandLine;

/// <summary>
/// The <c>--name value</c> / <c>--name=value</c> / <c>--flag</c> command lines the bench tools take, and the
/// command line recorded with their results (secrets left out, since result files are committed).
/// </summary>
public static class CommandLineArguments
{
    /// <summary>Option values by name (without the dashes); a flag's value is "true".</summary>
    public static Dictionary<string, string> ReadPairs(IReadOnlyList<string> args, IReadOnlySet<string> known, IReadOnlySet<string> flags)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new OptionException($"unexpected argument '{arg}' (options start with --; see --help)");
            }

            var name = arg[2..];
            string? inline = null;
            if (name.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
            {
                inline = name[(eq + 1)..];
                name = name[..eq];
            }

            if (!known.Contains(name) && !flags.Contains(name))
            {
                throw new OptionException($"unknown option --{name} (see --help)");
            }

            if (flags.Contains(name))
            {
                pairs[name] = "true";
                continue;
            }

            if (inline is null && (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)))
            {
                throw new OptionException($"--{name} needs a value (see --help)");
            }

            pairs[name] = inline ?? args[++i];
        }

        return pairs;
    }

    /// <summary>The command line to record with the results: <paramref name="prefix"/>, then the arguments with the values of <paramref name="secrets"/> replaced by "…".</summary>
    public static string Describe(string prefix, IReadOnlyList<string> args, IReadOnlySet<string> secrets)
    {
        var parts = new List<string> { prefix };
        for (var i = 0; i < args.Count; i++)
        {
            var inline = args[i].Contains('=', StringComparison.Ordinal);
            var name = args[i].Split('=')[0];
            if (secrets.Contains(name))
            {
                parts.Add(inline ? $"{name}=…" : $"{name} …");
                i += inline ? 0 : 1;
                continue;
            }

            parts.Add(Quote(args[i]));
        }

        return string.Join(' ', parts);
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ',' or '=' or ':') ? arg : $"'{arg}'";
}
