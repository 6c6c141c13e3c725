using System.Text.RegularExpressions;

namespace Quality.Intake.Features.Email;

/// <summary>
/// Keeps only what the customer wrote this time: the reply above the quoted history. Classifying the quote
/// would count the agent's earlier answer, or the customer's older complaint, again.
/// </summary>
public static partial class QuoteTrimmer
{
    public static string Trim(string body)
    {
        var lines = body.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var kept = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (StartsHistory(line) || IsSplitAttribution(lines, i) || line == "-- ")
            {
                break;
            }

            if (!line.TrimStart().StartsWith('>'))
            {
                kept.Add(line.TrimEnd());
            }
        }

        return BlankRuns().Replace(string.Join('\n', kept), "\n\n").Trim();
    }

    private static bool StartsHistory(string line) =>
        EnglishAttribution().IsMatch(line) || ChineseAttribution().IsMatch(line) || OriginalMessage().IsMatch(line);

    /// <summary>Mail clients wrap long attributions: "On Mon, 1 Jan 2024, Ann &lt;a@b.c&gt;" / "wrote:".</summary>
    private static bool IsSplitAttribution(string[] lines, int index) =>
        index + 1 < lines.Length && lines[index].TrimStart().StartsWith("On ", StringComparison.Ordinal)
        && lines[index + 1].TrimEnd().EndsWith("wrote:", StringComparison.Ordinal) && lines[index + 1].Length < 120;

    [GeneratedRegex(@"^\s*On\s.{1,300}\swrote:\s*$")]
    private static partial Regex EnglishAttribution();

    [GeneratedRegex(@"^\s*在.{1,300}写道[:：]\s*$")]
    private static partial Regex ChineseAttribution();

    [GeneratedRegex(@"^\s*-{2,}\s*(Original Message|原始邮件|原始郵件)\s*-{2,}\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankRuns();
}
