using Quality.LoadGenerator.Measurement;

namespace Quality.LoadGenerator.Tests.Measurement;

public sealed class ProcessNamesTests
{
    [Theory]
    [InlineData("/usr/bin/dotnet exec /repo/services/Quality.Routing/bin/Release/net10.0/Quality.Routing.dll ", "routing")]
    [InlineData("/usr/lib/postgresql/16/bin/postgres -D /repo/.quality/postgres/data -p 39461", "postgres")]
    [InlineData("postgres: quality routingdb 127.0.0.1(5432) idle", "postgres")]
    [InlineData("redis-server 127.0.0.1:6379", "redis")]
    [InlineData("/usr/lib/erlang/erts-13/bin/beam.smp -- -root /usr/lib/erlang -- -s rabbit boot", "rabbitmq")]
    [InlineData("/usr/bin/epmd -port 4369", "epmd")]
    [InlineData("/bin/sleep 10", null)]
    public void Names_the_resource_from_the_command_line(string commandLine, string? expected) =>
        Assert.Equal(expected, ProcessNames.Classify(commandLine));
}
