using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Quality.Intake.Tests.Features.Privacy;

public sealed class PrivacyEndpointTests(IntakeServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Contact_data_is_stored_encrypted_and_read_back_masked()
    {
        using var client = servers.Client();
        var email = $"Jane.Doe+{Guid.NewGuid():N}@Example.com";

        var posted = await PostAsync(client, new { text = "The courier was rude", customerEmail = email, customerPhone = "+86 138-0013-8000", customerName = "王小明" });

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/feedback/{posted}", Cancellation);
        var customer = read.GetProperty("customer");
        Assert.Equal("j***@e***.com", customer.GetProperty("email").GetString());
        Assert.Equal("***8000", customer.GetProperty("phone").GetString());
        Assert.Equal("王***", customer.GetProperty("name").GetString());
        var row = await RowAsync(posted);
        Assert.Equal("k1", row.KeyId);
        Assert.NotNull(row.EmailLookup);
        Assert.DoesNotContain(email.ToLowerInvariant(), Encoding.UTF8.GetString(row.Email!), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("8000", Encoding.UTF8.GetString(row.Phone!));
    }

    [Fact]
    public async Task A_malformed_email_or_phone_is_a_400_naming_the_field()
    {
        using var client = servers.Client();

        var response = await client.PostAsJsonAsync("/api/feedback", new { text = "hello", customerEmail = "not-an-email", customerPhone = "call me maybe" }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("customerEmail", out _));
        Assert.True(errors.TryGetProperty("customerPhone", out _));
    }

    [Fact]
    public async Task Erasing_a_customer_removes_their_personal_data_keeps_the_classification_and_is_audited()
    {
        using var client = servers.Client();
        using var admin = servers.Client("admin");
        using var supervisor = servers.Client("supervisor", "team-a");
        var run = Guid.NewGuid().ToString("N");
        var email = $"li.{run}@example.cn";
        var first = await PostAsync(client, new { text = $"送餐太慢了，饭菜都凉了。我是李雷 {run}，电话 13800138000", customerEmail = email, customerName = $"李雷 {run}", customerPhone = "13800138000" });
        var second = await PostAsync(client, new { text = "Lovely food, thank you", customerEmail = $"  {email.ToUpperInvariant()} " });
        var someoneElse = await PostAsync(client, new { text = "Where is my order?", customerEmail = $"other.{run}@example.cn" });
        var before = await client.GetFromJsonAsync<JsonElement>($"/api/feedback/{first}", Cancellation);

        var refused = await supervisor.PostAsJsonAsync("/api/admin/customer-erasures", new { email }, Cancellation);
        var response = await admin.PostAsJsonAsync("/api/admin/customer-erasures", new { email }, Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(2, result.GetProperty("items").GetInt32());
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/feedback/{first}", Cancellation);
        Assert.False(after.TryGetProperty("customer", out _));
        Assert.True(after.TryGetProperty("erasedAt", out _));
        Assert.Equal("送餐太慢了，饭菜都凉了。我是[erased]，电话 [erased]", after.GetProperty("text").GetString());
        Assert.Equal(before.GetProperty("kind").GetString(), after.GetProperty("kind").GetString());
        Assert.Equal(before.GetProperty("category").GetString(), after.GetProperty("category").GetString());
        var erased = await RowAsync(first);
        Assert.Equal((null, null, null, null, null), (erased.Email, erased.Phone, erased.Name, erased.EmailLookup, erased.KeyId));
        Assert.Null((await RowAsync(second)).Email);
        Assert.NotNull((await RowAsync(someoneElse)).Email);

        await using var connection = await servers.OpenDatabaseAsync();
        await using var audit = connection.CreateCommand();
        audit.CommandText = "SELECT actor, action, subject, details FROM audit_log WHERE id = @id";
        audit.Parameters.AddWithValue("id", result.GetProperty("auditId").GetGuid());
        await using var reader = await audit.ExecuteReaderAsync(Cancellation);
        Assert.True(await reader.ReadAsync(Cancellation));
        Assert.Equal(("test-admin", "customer.erase"), (reader.GetString(0), reader.GetString(1)));
        Assert.DoesNotContain(run, reader.GetString(2));
        Assert.Contains("2 feedback items", reader.GetString(3));
        var subject = reader.GetString(2);

        var (type, published) = Assert.Single(await Outbox.EventsForAsync(servers, result.GetProperty("auditId").GetGuid()));
        Assert.Equal("CustomerErased", type);
        Assert.Equal(subject, published.GetProperty("subject").GetString());
        Assert.Equal(new[] { first, second }.Order(), published.GetProperty("feedbackIds").EnumerateArray().Select(i => i.GetGuid()).Order());
        Assert.DoesNotContain(run, published.ToString());
    }

    [Fact]
    public async Task An_erasure_by_an_address_or_number_that_could_never_have_been_stored_is_refused_naming_it_and_audits_nothing()
    {
        using var admin = servers.Client("admin");
        await using var connection = await servers.OpenDatabaseAsync();
        async Task<long> AuditRowsAsync()
        {
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM audit_log WHERE action = 'customer.erase'";
            return (long)(await count.ExecuteScalarAsync(Cancellation))!;
        }

        var before = await AuditRowsAsync();
        var response = await admin.PostAsJsonAsync("/api/admin/customer-erasures", new { email = "' OR '1'='1' --", phone = "<script>" }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("phone", out _), errors.ToString());
        Assert.Equal(before, await AuditRowsAsync());
    }

    [Fact]
    public async Task After_a_key_rotation_old_rows_still_decrypt_and_re_encrypt_moves_them_to_the_active_key()
    {
        using var client = servers.Client();
        var posted = await PostAsync(client, new { text = "The app keeps crashing", customerEmail = $"rotate.{Guid.NewGuid():N}@example.com" });
        Assert.Equal("k1", (await RowAsync(posted)).KeyId);

        await using var rotated = servers.WithSettings(new Dictionary<string, string?> { ["Intake:Pii:ActiveKeyId"] = "k2" });
        using var admin = rotated.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IntakeServers.Token("admin"));
        var newer = await PostAsync(admin, new { text = "Great support", customerEmail = $"new.{Guid.NewGuid():N}@example.com" });
        var oldRead = await admin.GetFromJsonAsync<JsonElement>($"/api/feedback/{posted}", Cancellation);
        var reEncrypt = await admin.PostAsync("/api/admin/pii/re-encrypt", null, Cancellation);
        var moved = await RowAsync(posted);
        var again = await admin.PostAsync("/api/admin/pii/re-encrypt", null, Cancellation);

        Assert.Equal("k2", (await RowAsync(newer)).KeyId);
        Assert.Equal("r***@e***.com", oldRead.GetProperty("customer").GetProperty("email").GetString());
        Assert.True((await reEncrypt.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("items").GetInt32() >= 1);
        Assert.Equal("k2", moved.KeyId);
        // A second run leaves a row already on the active key alone (a new encryption would change its bytes). Its count
        // is not checked: the other tests' Intake keeps writing rows with k1 meanwhile, which it rightly moves.
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(moved.Email, (await RowAsync(posted)).Email);
        Assert.Equal("r***@e***.com", (await admin.GetFromJsonAsync<JsonElement>($"/api/feedback/{posted}", Cancellation)).GetProperty("customer").GetProperty("email").GetString());
    }

    [Fact]
    public async Task An_emails_sender_and_a_reviews_author_are_kept_encrypted()
    {
        var (_, key) = await TestKeys.CreateAsync(servers, "email");
        using var channel = servers.ClientWithKey(key);
        using var reader = servers.Client();
        var raw = $"From: Wang Wei <wang.wei@example.cn>\r\nTo: help@shop.example\r\nSubject: Late\r\nMessage-ID: <{Guid.NewGuid():N}@example.cn>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n送餐太慢了\r\n";

        var email = await channel.PostAsync("/api/email", new StringContent(raw, Encoding.UTF8, "message/rfc822"), Cancellation);
        var review = await reader.PostAsJsonAsync("/api/webhooks/reviews/google",
            new { review = new { reviewId = Guid.NewGuid().ToString("N"), starRating = "TWO", reviewer = new { displayName = "Anna Smith" } } }, Cancellation);

        var mail = await reader.GetFromJsonAsync<JsonElement>($"/api/feedback/{(await email.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("feedbackId").GetString()}", Cancellation);
        var posted = await reader.GetFromJsonAsync<JsonElement>($"/api/feedback/{(await review.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("feedbackId").GetString()}", Cancellation);
        Assert.Equal(("w***@e***.cn", "W***"), (mail.GetProperty("customer").GetProperty("email").GetString(), mail.GetProperty("customer").GetProperty("name").GetString()));
        Assert.Equal("A***", posted.GetProperty("customer").GetProperty("name").GetString());
    }

    private static async Task<Guid> PostAsync(HttpClient client, object item)
    {
        var response = await client.PostAsJsonAsync("/api/feedback", item, Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("feedbackId").GetGuid();
    }

    private async Task<(byte[]? Email, byte[]? Phone, byte[]? Name, byte[]? EmailLookup, string? KeyId)> RowAsync(Guid id)
    {
        await using var connection = await servers.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT customer_email, customer_phone, customer_name, email_lookup, pii_key_id FROM feedback WHERE id = @id";
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        Assert.True(await reader.ReadAsync(Cancellation));
        T? Get<T>(int i) where T : class => reader.IsDBNull(i) ? null : reader.GetFieldValue<T>(i);
        return (Get<byte[]>(0), Get<byte[]>(1), Get<byte[]>(2), Get<byte[]>(3), Get<string>(4));
    }
}
