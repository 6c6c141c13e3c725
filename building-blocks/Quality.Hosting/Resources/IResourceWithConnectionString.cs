namespace Quality.Hosting;

/// <summary>A resource others reach through <c>ConnectionStrings__&lt;name&gt;</c>.</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }

    /// <summary>The connection string; known once the app has started resolving resources.</summary>
    string ConnectionString { get; }
}
