using System.Text.RegularExpressions;

namespace Quality.Hosting;

/// <summary>Fluent configuration of declared resources, in the style of Aspire's AppHost.</summary>
public static partial class ResourceBuilderExtensions
{
    /// <summary>Adds a database to a PostgreSQL server; it is created on start when missing.</summary>
    /// <param name="maxPoolSize">
    /// The most connections one process may hold to this database (<c>Maximum Pool Size</c> in its connection
    /// string). Every database's pool together must stay below the server's <c>max_connections</c>, or a busy
    /// service takes the last connection and another fails with "too many clients" instead of waiting.
    /// </param>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresServerResource> server, string name, int maxPoolSize = PostgresDatabaseResource.DefaultMaxPoolSize)
    {
        if (!DatabaseName().IsMatch(name)) throw new ArgumentException($"database name {name} must match [a-z][a-z0-9_]*", nameof(name));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoolSize, 1);
        return server.ApplicationBuilder.Add(new PostgresDatabaseResource(name, server.Resource, maxPoolSize));
    }

    /// <summary>
    /// Passes the source's address in: <c>ConnectionStrings__&lt;name&gt;</c> for a database, Redis
    /// or RabbitMQ; <c>services__&lt;name&gt;__http__0</c> and <c>…__grpc__0</c> for a project.
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<Resource> source)
        where T : ExecutableResource
    {
        if (source.Resource is not (IResourceWithConnectionString or ProjectResource))
        {
            throw new ArgumentException($"{source.Resource.Name} ({source.Resource.Type}) has no connection string or endpoints to pass", nameof(source));
        }
        builder.Resource.References.Add(source.Resource);
        return builder;
    }

    /// <summary>Starts this resource only once the other one is healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<Resource> dependency)
        where T : Resource
    {
        builder.Resource.WaitsFor.Add(dependency.Resource);
        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : ExecutableResource
    {
        builder.Resource.Environment[name] = () => value;
        return builder;
    }

    /// <summary>Passes a secret kept in the data directory; read when the process is launched.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, Secret secret)
        where T : ExecutableResource
    {
        builder.Resource.Environment[name] = () => secret.Value;
        return builder;
    }

    /// <summary>Passes a value computed when the process is launched, e.g. derived from a secret (a password's hash).</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, Func<string> value)
        where T : ExecutableResource
    {
        builder.Resource.Environment[name] = value;
        return builder;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex DatabaseName();
}
