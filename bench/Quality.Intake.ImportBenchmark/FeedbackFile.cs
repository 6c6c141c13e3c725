using System.Text;
using System.Text.Json;

namespace Quality.Intake.ImportBenchmark;

/// <summary>
/// A generated import file shaped like real exports: Chinese and English comments of varying length, most
/// with an external id and a customer id, a third with contact data (encrypted on the way in). Seeded, so
/// every run imports the same rows.
/// </summary>
internal static class FeedbackFile
{
    private static readonly string[] Openings =
    [
        "送餐太慢了，饭菜都凉了", "味道很好，下次还会再点", "骑手态度很差，还把汤洒了", "包装很精致，分量也足",
        "The courier was rude and late", "Lovely food, thank you", "I was charged twice for one order",
        "It would be great if you added vegetarian options", "Where is my order? It has been an hour",
        "菜品很新鲜，服务也很周到", "订单少送了一份米饭，客服电话打不通", "App keeps crashing when I pay",
    ];

    private static readonly string[] Details =
    [
        "", "，非常失望", "，希望改进", " and the soup was cold", ", please refund me", "，价格有点贵",
        " — will order again", "。第二次了！", " The app said delivered but nothing came.",
    ];

    public static async Task<string> WriteAsync(int rows, string format, string runId)
    {
        var path = Path.Combine(Path.GetTempPath(), $"intake-bench-{runId}.{format}");
        var random = new Random(20261124);
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        if (format == "csv")
        {
            await writer.WriteLineAsync("externalId,text,customerId,customerTier,customerEmail");
        }

        for (var i = 0; i < rows; i++)
        {
            var text = Openings[random.Next(Openings.Length)] + Details[random.Next(Details.Length)];
            var email = random.Next(3) == 0 ? $"customer{random.Next(50_000)}@example.com" : null;
            var customer = $"c-{random.Next(20_000)}";
            var tier = random.Next(10) == 0 ? "vip" : "standard";
            if (format == "csv")
            {
                await writer.WriteLineAsync($"{runId}-{i},\"{text.Replace("\"", "\"\"")}\",{customer},{tier},{email}");
            }
            else
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(new { externalId = $"{runId}-{i}", text, customerId = customer, customerTier = tier, customerEmail = email }));
            }
        }

        return path;
    }
}
