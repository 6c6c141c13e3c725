namespace Quality.Hosting;

/// <summary>A declared resource and the builder it belongs to, for fluent configuration.</summary>
public interface IResourceBuilder<out T>
    where T : Resource
{
    DistributedApplicationBuilder ApplicationBuilder { get; }

    T Resource { get; }
}
