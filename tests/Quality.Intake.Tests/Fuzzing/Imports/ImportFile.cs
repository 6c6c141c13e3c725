using System.Text;

namespace Quality.Intake.Tests.Fuzzing.Imports;

/// <summary>A generated import file and the rows a correct reader yields from it, in order.</summary>
internal sealed record ImportFile(byte[] Bytes, IReadOnlyList<ExpectedRow> Rows)
{
    /// <summary>Stands for an invalid byte: written as U+E000, then its UTF-8 bytes replaced by a lone 0xFF.</summary>
    public const char InvalidByte = '\uE000';

    public static byte[] Encode(string text, bool bom)
    {
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        var marker = Encoding.UTF8.GetBytes(InvalidByte.ToString());
        for (var i = bytes.Count - marker.Length; i >= 0; i--)
        {
            if (bytes[i] == marker[0] && bytes[i + 1] == marker[1] && bytes[i + 2] == marker[2])
            {
                bytes.RemoveRange(i, marker.Length);
                bytes.Insert(i, 0xFF);
            }
        }

        return [.. bom ? Encoding.UTF8.GetPreamble() : [], .. bytes];
    }

    public override string ToString() => $"{Fuzz.Show(Encoding.UTF8.GetString(Bytes))}\nexpected: {string.Join("; ", Rows)}";
}
