using System.Collections.Concurrent;
using System.Diagnostics;
using Quality.LoadGenerator.Traffic;

namespace Quality.FaultDrills.Posting;

/// <summary>
/// A steady stream of complaints and praise posted to Intake at a fixed rate, each with its own external id and
/// customer (so every complaint opens its own case), in turn through the JSON API, a survey (NPS 0–6 for a complaint,
/// 9–10 for praise, the review as comment), an email and a chat transcript. An item whose POST fails is retried as a real client would:
/// the same external id (an email's Message-ID), once a second, until Intake accepts it or the stream gives up. Only
/// the API carries a customer tier, so only its complaints fall under the drill's breach policy.
/// </summary>
public sealed class FeedbackStream(IntakeClient intake, ReviewCorpus corpus, string runId, string customerTier, double itemsPerSecond)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly Channel[] Channels = [Channel.Api, Channel.Survey, Channel.Email, Channel.Transcript];

    private readonly Review[] _negative = [.. Enumerable.Range(0, corpus.Count).Select(i => corpus[i]).Where(r => !r.Positive)];
    private readonly Review[] _positive = [.. Enumerable.Range(0, corpus.Count).Select(i => corpus[i]).Where(r => r.Positive)];
    private readonly ConcurrentDictionary<string, AcceptedItem> _accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _abandoned = [];
    private readonly Stopwatch _clock = new();
    private long _offered;
    private long _failedAttempts;

    public double ItemsPerSecond { get; } = itemsPerSecond;

    public TimeSpan Elapsed => _clock.Elapsed;

    public long Offered => Interlocked.Read(ref _offered);

    public long FailedAttempts => Interlocked.Read(ref _failedAttempts);

    public IReadOnlyCollection<AcceptedItem> Accepted => [.. _accepted.Values];

    /// <summary>External ids the stream gave up on: never accepted, so not counted, but a sign the system did not come back.</summary>
    public IReadOnlyCollection<string> Abandoned => [.. _abandoned];

    /// <summary>
    /// Posts until <paramref name="stopPosting"/>, then waits for the items still being retried; those not accepted
    /// by <paramref name="giveUp"/> are abandoned.
    /// </summary>
    public async Task RunAsync(CancellationToken stopPosting, CancellationToken giveUp)
    {
        var pacer = new RatePacer(ItemsPerSecond);
        var inFlight = new List<Task>();
        _clock.Start();
        try
        {
            for (long n = 0; !stopPosting.IsCancellationRequested; n++)
            {
                await Task.Delay(pacer.Wait(n, _clock.Elapsed), stopPosting).ConfigureAwait(false);
                Interlocked.Increment(ref _offered);
                inFlight.Add(PostAsync(n, giveUp));
                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }
        catch (OperationCanceledException) when (stopPosting.IsCancellationRequested)
        {
            // Posting time is over.
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    /// <summary>Accepted items per whole second since the start (first acceptance of each item).</summary>
    public int[] AcceptedPerSecond()
    {
        var seconds = new int[(int)Math.Ceiling(_clock.Elapsed.TotalSeconds) + 1];
        foreach (var item in _accepted.Values)
        {
            seconds[Math.Min((int)item.AcceptedAt.TotalSeconds, seconds.Length - 1)]++;
        }

        return seconds;
    }

    private async Task PostAsync(long n, CancellationToken giveUp)
    {
        var negative = n % 2 == 0;
        var text = (negative ? _negative : _positive)[(int)(n / 2 % (negative ? _negative : _positive).Length)].Text;
        var channel = Channels[(int)(n / 2 % Channels.Length)];
        var customer = $"drill-{runId}-customer-{n}";
        // An email's external id is its Message-ID, so a retried message is the same message.
        var externalId = channel == Channel.Email ? $"drill-{runId}-{n:D6}@drills.quality.example" : $"drill-{runId}-{n:D6}";
        var raw = channel == Channel.Email
            ? RawEmail.Build(externalId, $"{customer}@customers.example", text.Length <= 20 ? text : text[..20], text, DateTimeOffset.UtcNow)
            : [];
        Task<IntakeResult> SubmitAsync() => channel switch
        {
            Channel.Survey => intake.SubmitSurveyAsync("nps", negative ? (int)(n / 2 % 7) : 9 + (int)(n / 2 % 2), text, null, externalId, customer, giveUp),
            Channel.Email => intake.SubmitEmailAsync(raw, giveUp),
            Channel.Transcript => intake.SubmitChatAsync(externalId, text, customer, giveUp),
            _ => SubmitApiAsync(),
        };
        async Task<IntakeResult> SubmitApiAsync() => (await intake.SubmitAsync(externalId, text, customer, giveUp, customerTier).ConfigureAwait(false))[0];

        var failures = 0;
        while (true)
        {
            try
            {
                var result = await SubmitAsync().ConfigureAwait(false);
                _accepted[externalId] = new AcceptedItem(externalId, result.FeedbackId, result.Kind, failures, result.Duplicate, _clock.Elapsed, channel);
                return;
            }
            catch (Exception e) when (!giveUp.IsCancellationRequested && e is IntakeException or HttpRequestException or TaskCanceledException)
            {
                // The client saw an error (refused, 5xx, timeout): not accepted; try again with the same id.
                failures++;
                Interlocked.Increment(ref _failedAttempts);
            }
            catch (Exception) when (giveUp.IsCancellationRequested)
            {
                _abandoned.Add(externalId);
                return;
            }

            try
            {
                await Task.Delay(RetryDelay, giveUp).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _abandoned.Add(externalId);
                return;
            }
        }
    }
}
