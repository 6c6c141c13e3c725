using Microsoft.AspNetCore.Http;

namespace Quality.ServiceDefaults.Errors;

/// <summary>
/// A response body that keeps what is written in memory, instead of sending it, when asked to hold everything or
/// when the first write comes with an error status; otherwise it writes straight through. So an error can still be
/// rewritten after the endpoint has answered, and a healthy stream is not delayed.
/// </summary>
internal sealed class ErrorHoldingStream(Stream inner, HttpResponse response, bool holdEverything) : Stream
{
    private bool _decided;

    /// <summary>What was held back, or null when the body went straight through.</summary>
    public MemoryStream? Held { get; private set; }

    private Stream Target
    {
        get
        {
            if (!_decided)
            {
                _decided = true;
                if (holdEverything || response.StatusCode >= StatusCodes.Status400BadRequest)
                {
                    Held = new MemoryStream();
                }
            }

            return Held ?? inner;
        }
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Target.Write(buffer, offset, count);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Target.WriteAsync(buffer, offset, count, cancellationToken);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        Target.WriteAsync(buffer, cancellationToken);

    public override void Flush() => (_decided ? Target : null)?.Flush();

    // Before the first write nothing is decided, and flushing would send the headers of what may yet become an error.
    public override Task FlushAsync(CancellationToken cancellationToken) =>
        _decided ? Target.FlushAsync(cancellationToken) : Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Held?.Dispose();
        }

        base.Dispose(disposing);
    }
}
