namespace Quality.Hosting;

/// <summary>
/// <c>--only</c>: the named resources and what they need, nothing else. A resource needs what it references (a
/// connection string or a project's endpoints) and the servers it runs on (a database's PostgreSQL, RabbitMQ's epmd,
/// a server it waits for). Waiting for a project only orders the start, so a wait on a project left out is dropped.
/// </summary>
internal static class ResourceSelection
{
    public static IReadOnlyList<Resource> Select(IReadOnlyList<Resource> resources, IReadOnlyCollection<string>? only)
    {
        if (only is null)
        {
            return [.. resources];
        }

        var byName = resources.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var unknown = only.Where(name => !byName.ContainsKey(name)).ToList();
        if (unknown.Count > 0)
        {
            throw new HostingException(
                $"--only names {string.Join(", ", unknown)}, which the AppHost does not declare; it declares {string.Join(", ", resources.Select(r => r.Name))}");
        }

        var kept = new HashSet<Resource>();
        var pending = new Stack<Resource>(only.Select(name => byName[name]));
        while (pending.TryPop(out var resource))
        {
            if (!kept.Add(resource))
            {
                continue;
            }

            foreach (var needed in Needs(resource))
            {
                pending.Push(needed);
            }
        }

        foreach (var resource in kept)
        {
            resource.WaitsFor.RemoveAll(waited => !kept.Contains(waited));
        }

        return [.. resources.Where(kept.Contains)];
    }

    private static IEnumerable<Resource> Needs(Resource resource)
    {
        var servers = resource.StartsAfter.Where(r => r is not ExecutableResource);
        return resource is ExecutableResource executable ? servers.Concat(executable.References) : servers;
    }
}
