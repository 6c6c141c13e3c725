namespace Quality.Web.Features.Overview;

/// <summary>What happened to a <see cref="ReconnectingStream"/>, for its owner's log.</summary>
public interface IStreamEvents
{
    void Ended();

    void Refused(string detail);

    void Failed(Exception exception, TimeSpan retry);
}
