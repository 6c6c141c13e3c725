using System.Globalization;

namespace Quality.Hosting;

/// <summary>Applies the AppHost's command-line options to <see cref="DistributedApplicationOptions"/>.</summary>
public static class CommandLine
{
    public const string Usage =
        "options: --data-dir DIR  --postgres-port N  --redis-port N  --rabbitmq-port N  " +
        "--postgres-bin DIR  --redis-server PATH  --rabbitmq-server PATH  --epmd PATH  " +
        "--configuration Debug|Release  --environment NAME  --only NAME[,NAME...]";

    public static void Apply(DistributedApplicationOptions options, IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            string Value() => inlineValue ?? (i + 1 < args.Count
                ? args[++i]
                : throw new HostingException($"{name} needs a value; {Usage}"));

            switch (name)
            {
                case "--data-dir": options.DataDirectory = Path.GetFullPath(Value()); break;
                case "--postgres-port": options.PostgresPort = Port(name, Value()); break;
                case "--redis-port": options.RedisPort = Port(name, Value()); break;
                case "--rabbitmq-port": options.RabbitMQPort = Port(name, Value()); break;
                case "--postgres-bin": options.PostgresBinDirectory = Value(); break;
                case "--redis-server": options.RedisServerPath = Value(); break;
                case "--rabbitmq-server": options.RabbitMQServerPath = Value(); break;
                case "--epmd": options.EpmdPath = Value(); break;
                case "--configuration" or "-c": options.Configuration = Value(); break;
                case "--environment": options.EnvironmentName = Value(); break;
                case "--only": options.Only = Names(name, Value()); break;
                default: throw new HostingException($"unknown option {args[i]}; {Usage}");
            }
        }
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var eq = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && eq > 0
            ? (arg[..eq], arg[(eq + 1)..])
            : (arg, null);
    }

    private static string[] Names(string option, string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } names
            ? names
            : throw new HostingException($"{option} needs at least one resource name, e.g. {option} routing");

    private static int Port(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new HostingException($"{option} {value} is not a port number (1-65535)");
}
