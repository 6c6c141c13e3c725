namespace Quality.Intake.Tests.Fuzzing.Imports;

/// <summary>Hands out its text a few characters per read, so a line reader meets every buffer boundary.</summary>
internal sealed class ChoppyReader(string text, int chunk) : TextReader
{
    private int _position;

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override int Read(Span<char> buffer)
    {
        var count = Math.Min(Math.Min(buffer.Length, chunk), text.Length - _position);
        text.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}
