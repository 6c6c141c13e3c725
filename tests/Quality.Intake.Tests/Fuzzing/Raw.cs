using System.Text;

namespace Quality.Intake.Tests.Fuzzing;

/// <summary>Bytes under test, shown as text (Latin-1, so every byte is visible) when a property fails.</summary>
internal sealed record Raw(byte[] Bytes)
{
    public override string ToString() => $"{Bytes.Length:N0} bytes: {Fuzz.Show(Encoding.Latin1.GetString(Bytes))}";
}
