using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Quality.BadInput.Attacks;
using Quality.BadInput.Checks;
using Quality.BadInput.Credentials;
using Quality.BadInput.Reporting;
using Quality.BadInput.Targets;

namespace Quality.BadInput;

/// <summary>
/// Runs the suite against a running system: issues API keys, finds every endpoint, learns which credential opens
/// each, fingerprints stored data and service processes, sends every attack, and compares.
/// </summary>
public sealed class BadInputRun(BadInputOptions options, TextWriter log)
{
    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(bytes => bytes, bytes => bytes);
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StreamPatience = TimeSpan.FromSeconds(3);

    public async Task<BadInputReport> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var http = NewHttpClient();
        var intake = options.Services.FirstOrDefault(s => s.Name == ResourceNames.Intake)
            ?? throw new RunException("the suite needs Intake, which issues its API keys");
        var provisioner = new ApiKeyProvisioner(http, intake.Http, options.AdminToken);
        var apiKeys = await provisioner.IssueAsync(cancellationToken);
        try
        {
            var admin = new Credential("admin-token", BearerToken: options.AdminToken);
            var refused = ForgedCredentials.From(options.AdminToken);
            var notes = new List<string>();

            var httpOperations = new List<HttpOperation>();
            foreach (var service in options.Services)
            {
                httpOperations.AddRange(await OpenApiCatalogue.ReadAsync(http, service, cancellationToken));
                httpOperations.AddRange(ContractCatalogue.TranscodedOperations(service));
            }

            var grpcOperations = options.Services.SelectMany(ContractCatalogue.GrpcOperations).ToList();
            log.WriteLine($"found {httpOperations.Count} HTTP operations and {grpcOperations.Count} gRPC methods in {options.Services.Count} services");

            var channels = options.Services.ToDictionary(s => s.Name, s => GrpcChannel.ForAddress(s.Grpc, new GrpcChannelOptions { MaxSendMessageSize = null }));
            try
            {
                var httpPlans = new List<(HttpOperation Operation, Credential Working, bool Anonymous)>();
                foreach (var operation in httpOperations)
                {
                    var (working, anonymous) = await ProbeAsync(http, operation, [admin, .. apiKeys], cancellationToken);
                    if (working is null)
                    {
                        notes.Add($"{operation.Name}: no credential the suite holds opens it; attacked at the door only");
                    }

                    httpPlans.Add((operation, working ?? admin, anonymous));
                }

                var before = await StoredState.ReadSettledAsync(options.PostgresConnection, cancellationToken);
                var processesBefore = options.AppHostPid is { } pid ? ServiceProcesses.Read(pid) : null;
                if (processesBefore is null)
                {
                    notes.Add("service processes were not checked for crashes (no AppHost pid, or not Linux)");
                }

                var outcomes = new ConcurrentBag<Outcome>();
                var random = new Random(options.Seed);
                var oversizedSent = new HashSet<string>(StringComparer.Ordinal);
                var httpAttacks = httpPlans.SelectMany(plan =>
                {
                    var attacks = HttpAttackGenerator.For(plan.Operation, plan.Working, refused, random);
                    return oversizedSent.Add(plan.Operation.Service) && plan.Operation.TakesBody
                        ? attacks.Append(HttpAttackGenerator.Oversized(plan.Operation, plan.Working))
                        : attacks;
                }).Select(attack => (attack, anonymous: httpPlans.First(p => p.Operation == attack.Operation).Anonymous));
                var sent = 0;
                await Parallel.ForEachAsync(httpAttacks, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
                    async (item, ct) =>
                    {
                        outcomes.Add(await SendAsync(http, options.Services.First(s => s.Name == item.attack.Operation.Service), item.attack, item.anonymous, ct));
                        Progress(ref sent);
                    });
                var grpcAttacks = grpcOperations.SelectMany(operation => GrpcAttackGenerator.For(operation, admin, refused, random));
                await Parallel.ForEachAsync(grpcAttacks, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
                    async (attack, ct) =>
                    {
                        outcomes.Add(await CallAsync(channels[attack.Operation.Service], attack, ct));
                        Progress(ref sent);
                    });

                var after = await StoredState.ReadSettledAsync(options.PostgresConnection, cancellationToken);
                var processesAfter = options.AppHostPid is { } appHost ? ServiceProcesses.Read(appHost) : null;
                var crashed = processesBefore is null || processesAfter is null
                    ? []
                    : processesBefore.Processes.Except(processesAfter.Processes).Select(p => $"{p}: gone after the attacks").ToList();
                var unhealthy = await UnhealthyAsync(http, cancellationToken);
                return new BadInputReport([.. outcomes], after.DifferencesFrom(before), crashed, unhealthy, notes,
                    httpOperations.Count, grpcOperations.Count, clock.Elapsed, options.Seed);
            }
            finally
            {
                foreach (var channel in channels.Values)
                {
                    channel.Dispose();
                }
            }
        }
        finally
        {
            await provisioner.RevokeAsync(CancellationToken.None);
        }
    }

    private void Progress(ref int sent)
    {
        var count = Interlocked.Increment(ref sent);
        if (count % 1000 == 0)
        {
            log.WriteLine($"  {count} requests sent");
        }
    }

    /// <summary>
    /// The first credential that gets past the operation's authentication and authorization (answered neither 401
    /// nor 403), and whether it is open to anyone.
    /// </summary>
    private async Task<(Credential? Working, bool Anonymous)> ProbeAsync(
        HttpClient http, HttpOperation operation, IReadOnlyList<Credential> candidates, CancellationToken cancellationToken)
    {
        async Task<HttpStatusCode> StatusWith(Credential credential)
        {
            using var request = Probe(operation, credential);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(AnswerTimeout);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.StatusCode;
        }

        if (await StatusWith(Credential.None) is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
        {
            return (Credential.None, true);
        }

        foreach (var candidate in candidates)
        {
            if (await StatusWith(candidate) is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
            {
                return (candidate, false);
            }
        }

        return (null, false);
    }

    private HttpRequestMessage Probe(HttpOperation operation, Credential credential)
    {
        var service = options.Services.First(s => s.Name == operation.Service);
        var path = RouteTemplate.Fill(operation.Route, operation.PathParameters.ToDictionary(p => p, _ => HttpAttackGenerator.UnknownId));
        var request = new HttpRequestMessage(operation.Method, new Uri(service.Http, path));
        if (operation.TakesBody)
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        credential.ApplyTo(request);
        return request;
    }

    private static async Task<Outcome> SendAsync(HttpClient http, ServiceTarget service, HttpAttack attack, bool anonymous, CancellationToken cancellationToken)
    {
        var outcome = await SendOnceAsync(http, service, attack, anonymous, cancellationToken);
        if (outcome.Verdict != Verdict.Failed || outcome.Problem?.StartsWith("no answer", StringComparison.Ordinal) != true)
        {
            return outcome;
        }

        // A pooled connection the server closed after refusing an oversized body elsewhere fails the next request
        // sent on it; a second try on a connection of its own tells that apart from a service that does not answer.
        // (Retrying on the shared pool once failed the same way twice: with eight requests in flight, more than one
        // pooled connection can be closing at once.)
        using var fresh = NewHttpClient();
        return await SendOnceAsync(fresh, service, attack, anonymous, cancellationToken);
    }

    private static HttpClient NewHttpClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = Timeout.InfiniteTimeSpan };

    private static async Task<Outcome> SendOnceAsync(HttpClient http, ServiceTarget service, HttpAttack attack, bool anonymous, CancellationToken cancellationToken)
    {
        using var request = attack.Build(service.Http);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AnswerTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            // A stream that opened is judged by its status; its body never ends.
            var body = mediaType == "text/event-stream" || attack.Operation.Streams && response.IsSuccessStatusCode
                ? ""
                : await response.Content.ReadAsStringAsync(timeout.Token);
            return HttpJudge.Judge(attack, anonymous, response.StatusCode, mediaType, body);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HttpJudge.Unanswered(attack, e);
        }
    }

    private static async Task<Outcome> CallAsync(GrpcChannel channel, GrpcAttack attack, CancellationToken cancellationToken)
    {
        var descriptor = attack.Operation.Method;
        var invoker = channel.CreateCallInvoker();
        var streams = descriptor.IsServerStreaming;
        var method = new Method<byte[], byte[]>(streams ? MethodType.ServerStreaming : MethodType.Unary, descriptor.Service.FullName, descriptor.Name, Raw, Raw);
        var call = new CallOptions(attack.Credential.ToMetadata(), DateTime.UtcNow + (streams ? StreamPatience : AnswerTimeout), cancellationToken);
        try
        {
            if (streams)
            {
                using var stream = invoker.AsyncServerStreamingCall(method, null, call, attack.Payload);
                var opened = await stream.ResponseStream.MoveNext(cancellationToken);
                return GrpcJudge.Judge(attack, opened ? Status.DefaultSuccess : stream.GetStatus(), opened);
            }

            using var unary = invoker.AsyncUnaryCall(method, null, call, attack.Payload);
            await unary.ResponseAsync;
            return GrpcJudge.Judge(attack, Status.DefaultSuccess, streamOpened: false);
        }
        catch (RpcException e) when (streams && e.StatusCode == StatusCode.DeadlineExceeded)
        {
            // Held open without an item before the deadline: a subscription that was accepted.
            return GrpcJudge.Judge(attack, e.Status, streamOpened: true);
        }
        catch (RpcException e)
        {
            return GrpcJudge.Judge(attack, e.Status, streamOpened: false);
        }
    }

    private async Task<List<string>> UnhealthyAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var unhealthy = new List<string>();
        foreach (var service in options.Services)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(service.Http, "/health"), cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    unhealthy.Add($"{service.Name}: /health answered {(int)response.StatusCode}");
                }
            }
            catch (HttpRequestException e)
            {
                unhealthy.Add($"{service.Name}: /health unreachable ({e.Message})");
            }
        }

        return unhealthy;
    }
}
