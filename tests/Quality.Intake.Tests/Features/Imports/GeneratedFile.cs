using System.Text;

namespace Quality.Intake.Tests.Features.Imports;

/// <summary>
/// A file made up while it is read, so a test can upload far more than it ever holds: the header, then
/// <c>row(i)</c> for each row.
/// </summary>
internal sealed class GeneratedFile(string header, int rows, Func<int, string> row) : Stream
{
    private byte[] _pending = Encoding.UTF8.GetBytes(header);
    private int _offset;
    private int _next;

    public long BytesProduced { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_offset == _pending.Length)
        {
            if (_next == rows)
            {
                return 0;
            }

            _pending = Encoding.UTF8.GetBytes(row(_next++));
            _offset = 0;
        }

        var count = Math.Min(buffer.Length, _pending.Length - _offset);
        _pending.AsSpan(_offset, count).CopyTo(buffer);
        _offset += count;
        BytesProduced += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
