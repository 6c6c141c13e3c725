using Quality.Messaging.Batching;

namespace Quality.Routing.Features.Cases;

/// <summary>
/// How complaints are taken in batches (see <see cref="MessageBatchOptions"/>): a batch shares its round trips to the
/// database; each concurrent batch holds the agents it assigns until it commits.
/// </summary>
public sealed class ComplaintBatchOptions : MessageBatchOptions
{
    public const string SectionName = "Routing:Complaints";
}
