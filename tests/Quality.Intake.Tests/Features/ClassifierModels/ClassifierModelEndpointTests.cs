using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Quality.ServiceDefaults.Authentication;
using Quality.Testing;

namespace Quality.Intake.Tests.Features.ClassifierModels;

public sealed class ClassifierModelEndpointTests(ClassifierHost host) : IClassFixture<ClassifierHost>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>
    /// A shop whose unhappy customers write "普通" (ordinary) and "一般" (so-so): no general lexicon reads those as
    /// complaints, a model trained on the shop's labels does.
    /// </summary>
    private static string ShopCsv()
    {
        string[] complaints = ["味道普通", "一般般吧", "普通的外卖", "感觉一般", "份量普通", "包装一般", "口味一般", "也就普通", "服务一般", "米饭普通"];
        string[] praise = ["好吃", "很快", "满意", "推荐", "包装精美", "味道好极了", "送得快", "很好", "分量足", "会再来"];
        string[] suffixes = ["", "。", "！", "，下次再说", "，谢谢", "啊", "呢", "。。", "～", "!"];
        var csv = new StringBuilder("text,kind,category\n");
        foreach (var suffix in suffixes)
        {
            complaints.ToList().ForEach(c => csv.Append($"\"{c}{suffix}\",complaint,product_quality\n"));
            praise.ToList().ForEach(p => csv.Append($"\"{p}{suffix}\",praise,delivery\n"));
        }

        return csv.ToString();
    }

    [Fact]
    public async Task Examples_in_another_format_than_CSV_are_refused_as_unsupported()
    {
        using var manager = host.Client();

        var response = await manager.PostAsync("/api/classifier/examples", new StringContent("[]", Encoding.UTF8, "application/json"), Cancellation);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("text/csv", await response.Content.ReadAsStringAsync(Cancellation));
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static Task<JsonElement> WaitUntilFinishedAsync(HttpClient client, string location) =>
        Eventually.Async(
            async () =>
            {
                var response = await client.GetAsync(location, Cancellation);
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancellation));
                return await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
            },
            model => model.GetProperty("status").GetString() is "ready" or "failed",
            TimeSpan.FromSeconds(60));

    [Fact]
    public async Task A_model_trained_on_imported_examples_classifies_new_feedback_once_active_and_the_rules_return_when_it_is_not()
    {
        using var manager = host.Client();
        await manager.DeleteAsync("/api/classifier/examples", Cancellation);
        var imported = await (await manager.PostAsync("/api/classifier/examples", Csv(ShopCsv()), Cancellation)).Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(200, imported.GetProperty("imported").GetInt32());

        var response = await manager.PostAsJsonAsync("/api/classifier/models", new { activateAtAccuracy = 0.8 }, Cancellation);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var model = await WaitUntilFinishedAsync(manager, response.Headers.Location!.ToString());
        Assert.Equal("ready", model.GetProperty("status").GetString());
        Assert.True(model.GetProperty("isActive").GetBoolean());
        Assert.Equal(160, model.GetProperty("metrics").GetProperty("trainingExamples").GetInt32());
        Assert.True(model.GetProperty("metrics").GetProperty("kindAccuracy").GetDouble() >= 0.8);

        var id = model.GetProperty("id").GetGuid();
        var active = await manager.GetFromJsonAsync<JsonElement>("/api/classifier/active-model", Cancellation);
        Assert.Equal(id, active.GetProperty("id").GetGuid());

        var feedback = await SubmitAsync(manager, "这家的菜很普通");
        Assert.Equal("complaint", feedback.GetProperty("kind").GetString());
        Assert.StartsWith($"model:{id:N}:kind:complaint", (await host.EvidenceAsync(feedback.GetProperty("feedbackId").GetGuid()))[0]);

        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync("/api/classifier/active-model", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.GetAsync("/api/classifier/active-model", Cancellation)).StatusCode);
        var byRules = await SubmitAsync(manager, "这家的菜很普通。");
        Assert.NotEqual("complaint", byRules.GetProperty("kind").GetString());
        Assert.DoesNotContain(await host.EvidenceAsync(byRules.GetProperty("feedbackId").GetGuid()), e => e.StartsWith("model:", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync("/api/classifier/active-model", new { modelId = id }, Cancellation)).StatusCode);
        Assert.Equal(id, (await manager.GetFromJsonAsync<JsonElement>("/api/classifier/active-model", Cancellation)).GetProperty("id").GetGuid());
        await manager.DeleteAsync("/api/classifier/active-model", Cancellation);
    }

    private static async Task<JsonElement> SubmitAsync(HttpClient client, string text) =>
        await (await client.PostAsJsonAsync("/api/feedback", new { text }, Cancellation)).Content.ReadFromJsonAsync<JsonElement>(Cancellation);

    [Fact]
    public async Task An_import_stores_the_good_rows_and_names_each_bad_one()
    {
        using var manager = host.Client();
        const string csv = "label,review\n1,很好吃\n0,太慢了\n2,不知道\n1,\n0,坏\"引号\n0,\"未闭合\n";

        var result = await (await manager.PostAsync("/api/classifier/examples", Csv(csv), Cancellation)).Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(2, result.GetProperty("imported").GetInt32());
        var rejected = result.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("reason").GetString())).ToList();
        Assert.Contains((4, "label '2' is not 1 or 0"), rejected);
        Assert.Contains((5, "review is empty"), rejected);
        Assert.Contains((6, "the row's quoting is broken"), rejected);
        Assert.Contains((7, "the row's quoting is broken"), rejected);
    }

    [Theory]
    [InlineData("words,stars\nhello,5\n", "text/csv", "body")]
    [InlineData("", "text/csv", "body")]
    public async Task An_unreadable_import_is_refused_naming_the_problem(string body, string contentType, string field)
    {
        using var manager = host.Client();

        var response = await manager.PostAsync("/api/classifier/examples", new StringContent(body, Encoding.UTF8, contentType), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_model_that_cannot_be_trained_fails_with_the_reason_and_cannot_be_activated()
    {
        using var manager = host.Client();
        await manager.DeleteAsync("/api/classifier/examples", Cancellation);
        await manager.PostAsync("/api/classifier/examples", Csv("text,kind\n好吃,praise\n难吃,complaint\n"), Cancellation);

        var model = await TrainAndWaitAsync(manager);

        Assert.Equal("failed", model.GetProperty("status").GetString());
        Assert.Contains("at least two kinds with 10 labelled examples", model.GetProperty("error").GetString());
        var activate = await manager.PutAsJsonAsync("/api/classifier/active-model", new { modelId = model.GetProperty("id").GetGuid() }, Cancellation);
        Assert.Equal(HttpStatusCode.Conflict, activate.StatusCode);
    }

    private static async Task<JsonElement> TrainAndWaitAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/classifier/models", new { }, Cancellation);
        return await WaitUntilFinishedAsync(client, response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Bad_requests_are_named_and_people_below_quality_manager_are_refused()
    {
        using var manager = host.Client();
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync("/api/classifier/models", new { holdoutFraction = 0.9 }, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PutAsJsonAsync("/api/classifier/active-model", new { }, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PutAsJsonAsync("/api/classifier/active-model", new { modelId = Guid.NewGuid() }, Cancellation)).StatusCode);

        using var supervisor = host.Client(Roles.Supervisor);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync("/api/classifier/models", new { }, Cancellation)).StatusCode);
        using var anonymous = host.Client(role: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/classifier/models", Cancellation)).StatusCode);
    }
}
