using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// A change to the live values, summed per cell (a counter or state field, a board member, a duration sample):
/// entities' new contributions added, their old ones subtracted. Every change is an increment (a sample's is to the
/// count of contributions holding it), so changes commute: applied in any order they sum to the same values, and a
/// batch of events costs Redis one write per cell it moves, however many entities move it.
/// </summary>
public sealed class LiveDelta
{
    private readonly Dictionary<(LiveEntryKind Kind, string Key, string Member), Cell> _cells = [];

    public void Add(IEnumerable<LiveEntry> entries) => Add(entries, 1);

    public void Subtract(IEnumerable<LiveEntry> entries) => Add(entries, -1);

    public bool IsEmpty => _cells.Values.All(c => c.Amount == 0);

    /// <summary>The KPI scopes whose values this changes, told of it when it is applied.</summary>
    public IReadOnlyList<string> Scopes =>
        [.. _cells.Values.Where(c => c.Amount != 0).Select(c => c.Entry.Scope).OfType<string>().Distinct().Order(StringComparer.Ordinal)];

    /// <summary>
    /// The change as the live store's scripts read it: a key table (<c>k</c>: key and expiry, each once), the cells
    /// that move (<c>c</c>: kind, key index, member, amount, and for a sample its score and count key's index) and the
    /// scopes (<c>s</c>).
    /// </summary>
    public string Serialize()
    {
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var keyTable = new List<(string Key, long ExpireAt)>();
        int IndexOf(string key, long expireAt)
        {
            ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(keys, key, out var exists);
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
            foreach (var cell in _cells.Values)
            {
                if (cell.Amount == 0)
                {
                    continue;
                }

                var entry = cell.Entry;
                json.WriteStartArray();
                json.WriteStringValue(entry.Kind switch { LiveEntryKind.Board => "z", LiveEntryKind.Sample => "p", _ => "c" });
                json.WriteNumberValue(IndexOf(entry.Key, entry.ExpireAt));
                json.WriteStringValue(entry.Member);
                json.WriteNumberValue(cell.Amount);
                if (entry.Kind == LiveEntryKind.Sample)
                {
                    // As text: the score goes to ZADD with every digit it has.
                    json.WriteStringValue(entry.Value.ToString("R", CultureInfo.InvariantCulture));
                    json.WriteNumberValue(IndexOf(entry.CountKey!, entry.ExpireAt));
                }

                json.WriteEndArray();
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

    private void Add(IEnumerable<LiveEntry> entries, int sign)
    {
        foreach (var entry in entries)
        {
            ref var cell = ref CollectionsMarshal.GetValueRefOrAddDefault(_cells, (entry.Kind, entry.Key, entry.Member), out _);
            // A sample counts once per contribution holding it; its value is its score, the same in every contribution
            // (a fact's duration never changes).
            cell.Amount += sign * (entry.Kind == LiveEntryKind.Sample ? 1 : (long)entry.Value);
            cell.Entry = entry;
        }
    }

    private struct Cell
    {
        public long Amount;
        public LiveEntry Entry;
    }
}
