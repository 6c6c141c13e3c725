using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Google.Rpc.Context;
using Quality.ServiceDefaults.Errors;

namespace Quality.ServiceDefaults.Tests;

public sealed class GrpcRequestGuardTests
{
    [Fact]
    public void Nul_characters_and_out_of_range_timestamps_and_durations_are_refused_naming_each_field_by_its_path()
    {
        var request = new AttributeContext
        {
            Request = new AttributeContext.Types.Request
            {
                Path = "/a\0b",
                Time = new Timestamp { Seconds = 253_402_300_800 },
                Headers = { ["x-ok"] = "fine", ["x-bad"] = "a\0b" },
            },
            Extensions = { Any.Pack(new RetryInfo { RetryDelay = new Duration { Seconds = 10, Nanos = -5 } }) },
        };

        var refused = Assert.Throws<RequestValidationException>(() => GrpcRequestGuard.Check(request));

        Assert.Equal(["request.headers", "request.path", "request.time"], refused.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("contains a NUL character", refused.Errors["request.path"].Single());
        Assert.StartsWith("is not a valid timestamp", refused.Errors["request.time"].Single(), StringComparison.Ordinal);
        Assert.Throws<RequestValidationException>(() => GrpcRequestGuard.Check(new RetryInfo { RetryDelay = new Duration { Seconds = 10, Nanos = -5 } }));
    }

    [Fact]
    public void A_request_with_ordinary_values_passes()
    {
        GrpcRequestGuard.Check(new AttributeContext.Types.Request
        {
            Path = "/cases/送餐",
            Time = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero)),
            Headers = { ["x"] = "y" },
        });
        GrpcRequestGuard.Check(new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(-1.5)) });
    }

    [Fact]
    public void Messages_and_trailers_echoing_the_caller_are_cut_short_and_made_ascii()
    {
        var rpc = GrpcExceptionInterceptor.ToRpc(new RequestValidationException("team_id", "'" + new string('x', 5_000) + "投诉\r\n' is not a team"))!;

        Assert.True(rpc.Status.Detail.Length <= GrpcExceptionInterceptor.MaxMessageLength + 1);
        var trailer = rpc.Trailers.GetValue("field-violation")!;
        Assert.True(trailer.Length < 2 * GrpcExceptionInterceptor.MaxMessageLength);
        Assert.All(trailer, c => Assert.InRange(c, ' ', '~'));
        Assert.Equal("team_id: a %E6%8A%95%0D%0A b", GrpcExceptionInterceptor.AsciiHeaderValue("team_id: a 投\r\n b"));
        Assert.Equal("case_id: must be a UUID", GrpcExceptionInterceptor.AsciiHeaderValue("case_id: must be a UUID"));
    }
}
