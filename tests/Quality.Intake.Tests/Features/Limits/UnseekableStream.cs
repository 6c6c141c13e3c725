namespace Quality.Intake.Tests.Features.Limits;

/// <summary>A body whose length HttpClient cannot know, so it is sent chunked, without Content-Length.</summary>
internal sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes, writable: false)
{
    public override bool CanSeek => false;
}
