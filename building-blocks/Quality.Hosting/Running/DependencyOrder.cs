namespace Quality.Hosting;

/// <summary>Start and stop order from the declared dependencies.</summary>
internal static class DependencyOrder
{
    /// <summary>A resource waiting, directly or not, for itself would never start.</summary>
    public static void CheckForCycles(IReadOnlyList<Resource> resources)
    {
        var done = new HashSet<Resource>();
        foreach (var resource in resources) Visit(resource, [], done);
    }

    /// <summary>
    /// Groups for stopping: dependents before what they depend on, each group stopped together.
    /// A resource's depth is the length of its longest dependency chain.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Resource>> StopGroups(IReadOnlyList<Resource> resources)
    {
        var depth = new Dictionary<Resource, int>();
        int Depth(Resource r, HashSet<Resource> path)
        {
            if (depth.TryGetValue(r, out var d)) return d;
            if (!path.Add(r)) return 0; // references may be mutual; they do not block stopping
            d = r.DependsOn.Select(x => Depth(x, path) + 1).DefaultIfEmpty(0).Max();
            path.Remove(r);
            return depth[r] = d;
        }
        return [.. resources.GroupBy(r => Depth(r, [])).OrderByDescending(g => g.Key).Select(g => (IReadOnlyList<Resource>)[.. g])];
    }

    private static void Visit(Resource resource, List<Resource> path, HashSet<Resource> done)
    {
        if (done.Contains(resource)) return;
        if (path.Contains(resource))
        {
            var cycle = string.Join(" -> ", path.SkipWhile(r => r != resource).Append(resource).Select(r => r.Name));
            throw new HostingException($"resources wait for each other in a cycle: {cycle}");
        }
        path.Add(resource);
        foreach (var dependency in resource.StartsAfter) Visit(dependency, path, done);
        path.RemoveAt(path.Count - 1);
        done.Add(resource);
    }
}
