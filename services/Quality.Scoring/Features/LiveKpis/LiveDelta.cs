using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// A change to the live values, summed per cell (a counter or state field, a board member, a duration sample):
/// entities' new contributions added, their old ones subtracted (see <see cref="LiveContributionBuilder"/>). Every
/// change is an increment (a sample's is to the count of contributions holding it), so changes commute: applied in
/// any order they sum to the same values, and a batch of events costs Redis one write per cell it moves, however many
/// entities move it.
/// </summary>
public sealed class LiveDelta
{
    // By key, then member: a key holds one kind of cell, with one expiry and one scope.
    private readonly Dictionary<string, KeyCells> _keys = [];

    /// <summary>Moves one cell: a counter, board or state cell by <paramref name="amount"/>, a sample's count by it.</summary>
    public void Move(LiveEntryKind kind, string key, string member, long amount, long expireAt, string? scope = null, double score = 0, string? countKey = null)
    {
        ref var cells = ref CollectionsMarshal.GetValueRefOrAddDefault(_keys, key, out var exists);
        if (!exists)
        {
            cells = new KeyCells(kind, expireAt, scope, countKey);
        }

        ref var cell = ref CollectionsMarshal.GetValueRefOrAddDefault(cells!.Members, member, out _);
        cell.Amount += amount;
        // A sample's score is its duration, the same in every contribution (a fact's duration never changes).
        cell.Score = score;
    }

    public void Add(IEnumerable<LiveEntry> entries) => Move(entries, 1);

    public void Subtract(IEnumerable<LiveEntry> entries) => Move(entries, -1);

    public bool IsEmpty => !Moving.Any();

    /// <summary>The KPI scopes whose values this changes, told of it when it is applied.</summary>
    public IReadOnlyList<string> Scopes =>
        [.. Moving.Select(m => m.Cells.Scope).OfType<string>().Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The cells that move: a counter, board or state cell with its amount as value, a sample with its score.</summary>
    public IEnumerable<LiveEntry> Entries => Moving.Select(m => new LiveEntry(
        m.Cells.Kind, m.Key, m.Member, m.Cells.Kind == LiveEntryKind.Sample ? m.Cell.Score : m.Cell.Amount, m.Cells.ExpireAt, m.Cells.Scope, m.Cells.CountKey));

    /// <summary>
    /// The change as the live store's scripts read it: a key table (<c>k</c>: key and expiry, each once), the cells
    /// that move (<c>c</c>: kind, key index, member, amount, and for a sample its score and count key's index) and the
    /// scopes (<c>s</c>).
    /// </summary>
    public string Serialize()
    {
        var keyIndexes = new Dictionary<string, int>();
        var keyTable = new List<(string Key, long ExpireAt)>();
        int IndexOf(string key, long expireAt)
        {
            ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(keyIndexes, key, out var exists);
            if (!exists)
            {
                keyTable.Add((key, expireAt));
                index = keyTable.Count; // Lua tables count from 1.
            }

            return index;
        }

        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("c");
            foreach (var (key, cells) in _keys)
            {
                foreach (var (member, cell) in cells.Members)
                {
                    if (cell.Amount == 0)
                    {
                        continue;
                    }

                    json.WriteStartArray();
                    json.WriteStringValue(cells.Kind switch { LiveEntryKind.Board => "z", LiveEntryKind.Sample => "p", _ => "c" });
                    json.WriteNumberValue(IndexOf(key, cells.ExpireAt));
                    json.WriteStringValue(member);
                    json.WriteNumberValue(cell.Amount);
                    if (cells.Kind == LiveEntryKind.Sample)
                    {
                        // As text: the score goes to ZADD with every digit it has.
                        json.WriteStringValue(cell.Score.ToString("R", CultureInfo.InvariantCulture));
                        json.WriteNumberValue(IndexOf(cells.CountKey!, cells.ExpireAt));
                    }

                    json.WriteEndArray();
                }
            }

            json.WriteEndArray();
            json.WriteStartArray("k");
            foreach (var (key, expireAt) in keyTable)
            {
                json.WriteStartArray();
                json.WriteStringValue(key);
                json.WriteNumberValue(expireAt);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStartArray("s");
            foreach (var scope in Scopes)
            {
                json.WriteStringValue(scope);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private IEnumerable<(string Key, KeyCells Cells, string Member, Cell Cell)> Moving =>
        _keys.SelectMany(k => k.Value.Members.Where(m => m.Value.Amount != 0).Select(m => (k.Key, k.Value, m.Key, m.Value)));

    private void Move(IEnumerable<LiveEntry> entries, int sign)
    {
        foreach (var e in entries)
        {
            var sample = e.Kind == LiveEntryKind.Sample;
            Move(e.Kind, e.Key, e.Member, sign * (sample ? 1 : (long)e.Value), e.ExpireAt, e.Scope, sample ? e.Value : 0, e.CountKey);
        }
    }

    private sealed class KeyCells(LiveEntryKind kind, long expireAt, string? scope, string? countKey)
    {
        public LiveEntryKind Kind { get; } = kind;
        public long ExpireAt { get; } = expireAt;
        public string? Scope { get; } = scope;
        public string? CountKey { get; } = countKey;
        public Dictionary<string, Cell> Members { get; } = [];
    }

    private struct Cell
    {
        public long Amount;
        public double Score;
    }
}
