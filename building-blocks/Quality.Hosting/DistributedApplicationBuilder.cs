namespace Quality.Hosting;

/// <summary>Declares the resources of a distributed application, then builds it.</summary>
public sealed class DistributedApplicationBuilder
{
    private readonly List<Resource> _resources = [];
    private readonly List<Secret> _secrets = [];

    internal DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        CommandLine.Apply(options, options.Args);
        Options = options;
    }

    public DistributedApplicationOptions Options { get; }

    public IReadOnlyList<Resource> Resources => _resources;

    /// <summary>The repository root project paths are resolved against (as the built application will use it).</summary>
    public string RepositoryRoot => Path.GetFullPath(Options.RepositoryRoot ?? Repository.FindRoot());

    /// <summary>The build configuration projects run from (as the built application will use it).</summary>
    public string Configuration => Options.Configuration ?? Repository.Configuration();

    public IResourceBuilder<PostgresServerResource> AddPostgres(string name, int? port = null) =>
        Add(new PostgresServerResource(name, port));

    public IResourceBuilder<RedisResource> AddRedis(string name, int? port = null) =>
        Add(new RedisResource(name, port));

    /// <summary>Adds a RabbitMQ node and the epmd it registers with (<c>&lt;name&gt;-epmd</c>).</summary>
    public IResourceBuilder<RabbitMQResource> AddRabbitMQ(string name, int? port = null)
    {
        var epmd = Add(new EpmdResource(name + "-epmd")).Resource;
        return Add(new RabbitMQResource(name, port, epmd));
    }

    /// <summary>Adds a .NET project by its .csproj path, relative to the repository root.</summary>
    public IResourceBuilder<ProjectResource> AddProject(string name, string projectPath) =>
        Add(new ProjectResource(name, projectPath));

    /// <summary>Adds any command, supervised and restarted like a project.</summary>
    public IResourceBuilder<ExecutableResource> AddExecutable(string name, string command, string workingDirectory, params string[] args) =>
        Add(new ExecutableResource(name, command, workingDirectory, args));

    /// <summary>A random secret of the given size, made once and kept in the data directory.</summary>
    public Secret AddSecret(string name, int bytes = 32)
    {
        var secret = new Secret(name, bytes);
        _secrets.Add(secret);
        return secret;
    }

    public DistributedApplication Build()
    {
        DependencyOrder.CheckForCycles(_resources);
        return new DistributedApplication(Options, ResourceSelection.Select(_resources, Options.Only), [.. _secrets]);
    }

    internal IResourceBuilder<T> Add<T>(T resource)
        where T : Resource
    {
        if (_resources.Any(r => r.Name == resource.Name)) throw new ArgumentException($"a resource named {resource.Name} is already declared");
        _resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }
}
