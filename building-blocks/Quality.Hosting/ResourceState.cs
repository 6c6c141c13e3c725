namespace Quality.Hosting;

/// <summary>Where a resource is in its life, as shown in the resource table.</summary>
public enum ResourceState
{
    /// <summary>Declared, not started yet.</summary>
    Pending,

    /// <summary>Waiting for the resources it waits for to become healthy.</summary>
    Waiting,

    /// <summary>Being prepared or launched.</summary>
    Starting,

    /// <summary>Its process runs but has not answered its health check yet.</summary>
    Running,

    /// <summary>Running and answering its health check.</summary>
    Healthy,

    /// <summary>Its process ended on its own; a restart is scheduled.</summary>
    Exited,

    /// <summary>It could not be started; see <see cref="ResourceSnapshot.Error"/>.</summary>
    Failed,

    /// <summary>Being stopped.</summary>
    Stopping,

    /// <summary>Stopped by the AppHost.</summary>
    Stopped,
}
