using System.Diagnostics;
using Quality.LoadGenerator.Breaches;
using Quality.LoadGenerator.Measurement;

namespace Quality.LoadGenerator.Traffic;

/// <summary>
/// Sends items to Intake through the chosen mix of channels, paced open-loop at a rate or as fast as the
/// in-flight limit allows, with unique external and customer ids so every complaint opens its own case.
/// The trackers are left out (null) when nothing measures assignments or KPI visibility (the demo).
/// </summary>
public sealed class TrafficDriver(
    IntakeClient intake, ReviewCorpus corpus, ChannelMix mix, int concurrency,
    AssignmentTracker? assignments, KpiVisibilityTracker? kpis, string runId, int seed, BreachProbes? breaches = null)
{
    private readonly Random _random = new(seed);
    private readonly SemaphoreSlim _slots = new(concurrency, concurrency);
    private long _sequence;
    private long _inFlight;

    public long InFlight => Interlocked.Read(ref _inFlight);

    /// <summary>Runs for <paramref name="duration"/>, then waits for the requests still in flight.</summary>
    public async Task RunAsync(StageMetrics? stage, double? rate, TimeSpan duration, CancellationToken ct)
    {
        var pacer = rate is { } r ? new RatePacer(r) : null;
        var clock = Stopwatch.StartNew();
        var running = new List<Task>();
        long itemsSent = 0;
        while (clock.Elapsed < duration && !ct.IsCancellationRequested)
        {
            var channel = mix.Pick(_random.NextDouble());
            var items = mix.ItemsPerRequest(channel);
            if (pacer is not null)
            {
                var wait = pacer.Wait(itemsSent, clock.Elapsed);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, ct).ConfigureAwait(false);
                }
                else
                {
                    stage?.Lagged(clock.Elapsed - pacer.DueAt(itemsSent));
                }
            }

            await _slots.WaitAsync(ct).ConfigureAwait(false);
            itemsSent += items;
            var probe = channel == Channel.Api && breaches is not null && _random.NextDouble() < breaches.Share;
            running.Add(channel == Channel.Import ? ImportAsync(NextRows(), stage, ct) : SendAsync(channel, Next(channel, probe), stage, probe, ct));
            if (running.Count > 4 * concurrency)
            {
                running.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private List<(string ExternalId, string Text, string CustomerId)> NextRows()
    {
        var seq = Interlocked.Increment(ref _sequence);
        return [.. Enumerable.Range(0, mix.ImportRows).Select(i => ($"lg-{runId}-{seq}-r{i}", corpus.Pick(_random).Text, $"lg-{runId}-c{seq}-r{i}"))];
    }

    /// <param name="probe">A single API item sent with the run's breach tier.</param>
    private Func<CancellationToken, Task<IReadOnlyList<IntakeResult>>> Next(Channel channel, bool probe)
    {
        var seq = Interlocked.Increment(ref _sequence);
        var review = corpus.Pick(_random);
        var id = $"lg-{runId}-{seq}";
        var customer = $"lg-{runId}-c{seq}";
        switch (channel)
        {
            case Channel.Batch:
                var items = Enumerable.Range(0, mix.BatchSize)
                    .Select(i => ($"{id}-{i}", i == 0 ? review.Text : corpus.Pick(_random).Text, $"{customer}-{i}"))
                    .ToList();
                return ct => intake.SubmitBatchAsync(items, ct);
            case Channel.Survey:
                // NPS 9-10 promoters for positive reviews, 0-6 detractors (complaints) for negative ones.
                var score = review.Positive ? _random.Next(9, 11) : _random.Next(0, 7);
                return async ct => [await intake.SubmitSurveyAsync("nps", score, review.Text, null, id, customer, ct).ConfigureAwait(false)];
            case Channel.Email:
                var subject = review.Text.Length <= 20 ? review.Text : review.Text[..20];
                var raw = RawEmail.Build($"{id}@loadgen.quality.example", $"c{seq}.{runId}@customers.example", subject, review.Text, DateTimeOffset.UtcNow);
                return async ct => [await intake.SubmitEmailAsync(raw, ct).ConfigureAwait(false)];
            case Channel.Transcript:
                return async ct => [await intake.SubmitChatAsync(id, review.Text, customer, ct).ConfigureAwait(false)];
            default:
                return ct => intake.SubmitAsync(id, review.Text, customer, ct, probe ? breaches!.CustomerTier : null);
        }
    }

    private Task SendAsync(
        Channel channel, Func<CancellationToken, Task<IReadOnlyList<IntakeResult>>> send, StageMetrics? stage, bool probe, CancellationToken ct) =>
        AttemptAsync(channel, stage, ct, async sentAt =>
        {
            var items = mix.ItemsPerRequest(channel);
            var results = await send(ct).ConfigureAwait(false);
            var answeredAt = Clock.Now;
            var stored = results.Where(r => !r.Duplicate).ToList();
            stage?.Answered(channel, Clock.MillisecondsBetween(sentAt, answeredAt), stored.Count, results.Count - stored.Count,
                items - results.Count, stored.Count(r => r.IsComplaint));
            foreach (var complaint in stored.Where(r => r.IsComplaint))
            {
                assignments?.Register(complaint.FeedbackId, sentAt, stage);
                if (probe)
                {
                    breaches!.Tracker.Register(complaint.FeedbackId, stage);
                }
            }

            kpis?.OnStored(answeredAt, stage, stored.Count);
        });

    /// <summary>An import of rows: answered once its job has finished; its rows count as stored then.</summary>
    private Task ImportAsync(List<(string ExternalId, string Text, string CustomerId)> rows, StageMetrics? stage, CancellationToken ct) =>
        AttemptAsync(Channel.Import, stage, ct, async sentAt =>
        {
            var outcome = await intake.ImportAsync(rows, ct).ConfigureAwait(false);
            var answeredAt = Clock.Now;
            stage?.Answered(Channel.Import, Clock.MillisecondsBetween(sentAt, answeredAt), (int)outcome.Stored, (int)outcome.Duplicates,
                (int)outcome.Rejected, complaints: 0);
            kpis?.OnStored(answeredAt, stage, (int)outcome.Stored);
        });

    /// <summary>One request in its slot: counted as sent, its failure counted by reason, the slot freed whatever happens.</summary>
    private async Task AttemptAsync(Channel channel, StageMetrics? stage, CancellationToken ct, Func<long, Task> attempt)
    {
        Interlocked.Increment(ref _inFlight);
        stage?.Sent(mix.ItemsPerRequest(channel));
        try
        {
            await attempt(Clock.Now).ConfigureAwait(false);
        }
        catch (IntakeException e)
        {
            stage?.Failed(e.Reason);
        }
        catch (HttpRequestException e)
        {
            stage?.Failed($"connection: {e.HttpRequestError}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            stage?.Failed("timeout");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            _slots.Release();
        }
    }
}
