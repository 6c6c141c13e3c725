namespace Quality.Hosting;

/// <summary>Any command, supervised: restarted when it exits, its output logged.</summary>
public class ExecutableResource : ProcessResource
{
    private protected ExecutableResource(string name, string type, string command, string workingDirectory, IReadOnlyList<string> args)
        : base(name, type)
    {
        Command = command;
        WorkingDirectory = workingDirectory;
        Args = args;
    }

    internal ExecutableResource(string name, string command, string workingDirectory, IReadOnlyList<string> args)
        : this(name, "executable", command, workingDirectory, args)
    {
    }

    public string Command { get; }

    public string WorkingDirectory { get; }

    public IReadOnlyList<string> Args { get; }

    /// <summary>Variables added to the inherited environment, computed at launch.</summary>
    internal Dictionary<string, Func<string>> Environment { get; } = [];

    /// <summary>Resources whose connection string or endpoints are passed in.</summary>
    internal List<Resource> References { get; } = [];

    internal override IEnumerable<Resource> DependsOn => StartsAfter.Concat(References).Distinct();

    private string? _resolvedCommand;

    internal override void Resolve(RunContext context) =>
        _resolvedCommand = Binaries.Find(Command) ?? throw new HostingException($"{Name}: {Command} not found: install it or fix the path");

    internal override ProcessSpec CreateSpec(RunContext context) => new()
    {
        FileName = _resolvedCommand ?? Command,
        Args = Args,
        WorkingDirectory = WorkingDirectory,
        Environment = BuildEnvironment(context),
    };

    /// <summary>References first, then explicit variables, so an explicit one wins.</summary>
    private protected Dictionary<string, string> BuildEnvironment(RunContext context)
    {
        var env = new Dictionary<string, string>();
        foreach (var reference in References)
        {
            switch (reference)
            {
                case IResourceWithConnectionString withConnection:
                    env[$"ConnectionStrings__{reference.Name}"] = withConnection.ConnectionString;
                    break;
                case ProjectResource project:
                    foreach (var (endpoint, uri) in project.Endpoints)
                    {
                        env[$"services__{project.Name}__{endpoint}__0"] = uri.ToString().TrimEnd('/');
                    }
                    break;
            }
        }
        AddDefaults(context, env);
        foreach (var (key, value) in Environment) env[key] = value();
        return env;
    }

    private protected virtual void AddDefaults(RunContext context, Dictionary<string, string> env)
    {
    }
}
