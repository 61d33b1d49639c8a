using System;
using System.Collections.Generic;
using Shouldly;
using WebhookGen.Json;
using Xunit;
using static WebhookGen.Tests.Json.DriftPayloads;

namespace WebhookGen.Tests.Json;

/// <summary>Each kind of drift, read tolerantly (recorded with its path, the member at its default) and strictly (thrown as before).</summary>
public sealed class PayloadDriftTests
{
    private const string Id = "\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\"";
    private const string Repo = "\"repo\":{\"name\":\"r\",\"has_discussions\":true}";

    private static Delivery Tolerant(string json, out IReadOnlyList<PayloadDrift> drift) =>
        Read(json, ReadDelivery, WebhookPayloadReading.Tolerant, out drift);

    private static WebhookPayloadException Strict(string json) =>
        Should.Throw<WebhookPayloadException>(() => Read(json, ReadDelivery, WebhookPayloadReading.Strict, out _));

    [Fact]
    public void A_payload_that_matches_has_no_drift_in_either_mode()
    {
        var json = $"{{{Id},{Repo},\"created_at\":\"2018-04-25T20:42:10Z\",\"color\":\"red\",\"count\":1}}";

        Tolerant(json, out var drift).Count.ShouldBe(1);
        drift.ShouldBeEmpty();
        Read(json, ReadDelivery, WebhookPayloadReading.Strict, out var strictDrift).Repo.HasDiscussions.ShouldBeTrue();
        strictDrift.ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_required_member_is_left_at_its_default_and_recorded_by_its_path()
    {
        var json = $"{{{Id},\"repo\":{{\"name\":\"r\"}}}}";

        var delivery = Tolerant(json, out var drift);

        delivery.Repo.Name.ShouldBe("r");
        delivery.Repo.HasDiscussions.ShouldBeFalse();
        drift.ShouldBe([new PayloadDrift("repo.has_discussions", PayloadDriftKind.MissingRequired)]);
        var strict = Strict(json);
        strict.Path.ShouldBe("repo.has_discussions");
        strict.Reason.ShouldBe("The property is required but missing.");
    }

    [Fact]
    public void Every_missing_required_member_is_recorded_in_the_specs_order_and_a_strict_read_names_the_first()
    {
        var json = $"{{{Id},\"repo\":{{}}}}";

        Tolerant(json, out var drift).Repo.Name.ShouldBeNull();
        drift.ShouldBe([new PayloadDrift("repo.name", PayloadDriftKind.MissingRequired), new PayloadDrift("repo.has_discussions", PayloadDriftKind.MissingRequired)]);
        Strict(json).Path.ShouldBe("repo.name");
    }

    [Fact]
    public void A_missing_required_reference_member_reads_as_null()
    {
        var delivery = Tolerant($"{{{Id}}}", out var drift);

        delivery.Repo.ShouldBeNull();
        drift.ShouldBe([new PayloadDrift("repo", PayloadDriftKind.MissingRequired)]);
        Strict($"{{{Id}}}").Path.ShouldBe("repo");
    }

    [Fact]
    public void Null_where_the_spec_says_non_null_is_the_default()
    {
        var json = $"{{\"id\":null,{Repo},\"count\":null}}";

        var delivery = Tolerant(json, out var drift);

        delivery.Id.ShouldBe(Guid.Empty);
        delivery.Count.ShouldBe(0);
        drift.ShouldBe([new PayloadDrift("id", PayloadDriftKind.NullValue), new PayloadDrift("count", PayloadDriftKind.NullValue)]);
        Strict(json).Path.ShouldBe("id");
    }

    [Fact]
    public void A_null_object_is_null_and_recorded_at_its_member()
    {
        var json = $"{{{Id},\"repo\":null}}";

        Tolerant(json, out var drift).Repo.ShouldBeNull();
        drift.ShouldBe([new PayloadDrift("repo", PayloadDriftKind.NullValue)]);
        Strict(json).Path.ShouldBe("repo");
    }

    [Fact]
    public void A_value_of_the_wrong_kind_is_skipped_whatever_its_shape()
    {
        var json = $"{{{Id},{Repo},\"count\":{{\"a\":[1,{{\"b\":2}}]}},\"color\":[\"red\"],\"created_at\":true}}";

        var delivery = Tolerant(json, out var drift);

        delivery.Count.ShouldBe(0);
        delivery.Color.ShouldBe(default);
        delivery.CreatedAt.ShouldBe(default);
        delivery.Repo.Name.ShouldBe("r");
        drift.ShouldBe(
        [
            new PayloadDrift("count", PayloadDriftKind.WrongType),
            new PayloadDrift("color", PayloadDriftKind.WrongType),
            new PayloadDrift("created_at", PayloadDriftKind.WrongType),
        ]);
        Strict(json).Path.ShouldBe("count");
    }

    [Fact]
    public void An_object_of_the_wrong_kind_is_skipped_and_null()
    {
        var json = $"{{{Id},\"repo\":[{{\"name\":\"x\"}}],\"count\":2}}";

        var delivery = Tolerant(json, out var drift);

        delivery.Repo.ShouldBeNull();
        delivery.Count.ShouldBe(2);
        drift.ShouldBe([new PayloadDrift("repo", PayloadDriftKind.WrongType)]);
        Strict(json).Path.ShouldBe("repo");
    }

    [Theory]
    [InlineData("\"id\":\"not-a-uuid\"", "id")]
    [InlineData("\"count\":12345678901", "count")]
    [InlineData("\"count\":1.5", "count")]
    [InlineData("\"created_at\":\"yesterday\"", "created_at")]
    public void An_unreadable_format_is_skipped_as_invalid_format(string member, string path)
    {
        var json = $"{{{Id},{Repo},{member}}}".Replace($"{Id},{Repo},\"id\"", $"{Repo},\"id\"", StringComparison.Ordinal);

        Tolerant(json, out var drift);

        drift.ShouldBe([new PayloadDrift(path, PayloadDriftKind.InvalidFormat)]);
        Strict(json).Path.ShouldBe(path);
    }

    [Theory]
    [InlineData("1525109898", "2018-04-30T17:38:18Z")]
    [InlineData("\"2018-04-25 20:42:10\"", "2018-04-25T20:42:10Z")]
    [InlineData("\"2018-04-25T20:42:10\"", "2018-04-25T20:42:10Z")]
    [InlineData("\"2018-04-25T20:42:10.5\"", "2018-04-25T20:42:10.5Z")]
    [InlineData("\"2018-04-25 20:42:10+02:00\"", "2018-04-25T20:42:10+02:00")]
    public void A_nonstandard_date_time_is_read_as_UTC_and_recorded(string value, string expected)
    {
        var json = $"{{{Id},{Repo},\"created_at\":{value}}}";

        var delivery = Tolerant(json, out var drift);

        delivery.CreatedAt.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        delivery.CreatedAt.Offset.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset);
        drift.ShouldBe([new PayloadDrift("created_at", PayloadDriftKind.NonstandardDateTime)]);
        Strict(json).Path.ShouldBe("created_at");
    }

    [Fact]
    public void An_RFC_3339_date_time_is_no_drift()
    {
        Tolerant($"{{{Id},{Repo},\"created_at\":\"2018-04-25T20:42:10-07:00\"}}", out var drift).CreatedAt.Offset.ShouldBe(TimeSpan.FromHours(-7));
        drift.ShouldBeEmpty();
    }

    [Fact]
    public void An_enum_value_the_spec_does_not_list_is_kept_and_recorded_in_both_modes()
    {
        var json = $"{{{Id},{Repo},\"color\":\"ultraviolet\"}}";

        Tolerant(json, out var drift).Color.Value.ShouldBe("ultraviolet");
        drift.ShouldBe([new PayloadDrift("color", PayloadDriftKind.UndeclaredEnumValue)]);
        Read(json, ReadDelivery, WebhookPayloadReading.Strict, out var strictDrift).Color.Value.ShouldBe("ultraviolet");
        strictDrift.ShouldBe(drift);
    }

    [Fact]
    public void Array_items_are_one_path_and_an_unreadable_item_is_left_out()
    {
        var json = $"{{{Id},{Repo},\"repos\":[{{\"name\":\"a\",\"has_discussions\":true}},\"oops\",{{\"name\":\"b\"}},null,{{\"has_discussions\":false}}],\"times\":[1525109898,\"x\",\"2018-04-25T20:42:10Z\"]}}";

        var delivery = Tolerant(json, out var drift);

        delivery.Repos.ShouldNotBeNull().Count.ShouldBe(3);
        delivery.Repos[1].ShouldBe(new Repo("b", false));
        delivery.Repos[2].Name.ShouldBeNull();
        delivery.Times.ShouldBe([DateTimeOffset.FromUnixTimeSeconds(1525109898), new DateTimeOffset(2018, 4, 25, 20, 42, 10, TimeSpan.Zero)]);
        drift.ShouldBe(
        [
            new PayloadDrift("repos[]", PayloadDriftKind.WrongType),
            new PayloadDrift("repos[].has_discussions", PayloadDriftKind.MissingRequired),
            new PayloadDrift("repos[]", PayloadDriftKind.NullValue),
            new PayloadDrift("repos[].name", PayloadDriftKind.MissingRequired),
            new PayloadDrift("times[]", PayloadDriftKind.NonstandardDateTime),
            new PayloadDrift("times[]", PayloadDriftKind.InvalidFormat),
        ]);
        Strict(json).Path.ShouldBe("repos[1]");
    }

    [Fact]
    public void Map_values_are_one_path_and_an_unreadable_value_is_left_out()
    {
        var json = $"{{{Id},{Repo},\"counts\":{{\"a\":1,\"b\":\"two\",\"c\":3}}}}";

        var delivery = Tolerant(json, out var drift);

        delivery.Counts.ShouldNotBeNull().Keys.ShouldBe(["a", "c"], ignoreOrder: true);
        drift.ShouldBe([new PayloadDrift("counts.*", PayloadDriftKind.WrongType)]);
        Strict(json).Path.ShouldBe("counts.b");
    }

    [Fact]
    public void A_drift_is_recorded_once_per_path_and_kind()
    {
        var json = $"{{{Id},{Repo},\"repos\":[{{\"name\":\"a\"}},{{\"name\":\"b\"}},{{\"name\":\"c\"}}]}}";

        Tolerant(json, out var drift);

        drift.ShouldBe([new PayloadDrift("repos[].has_discussions", PayloadDriftKind.MissingRequired)]);
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("{\"id\":")]
    [InlineData("")]
    public void Malformed_JSON_and_a_body_that_is_not_the_object_stay_errors_when_tolerant(string json) =>
        Should.Throw<WebhookPayloadException>(() => Tolerant(json, out _));

    [Fact]
    public void The_depth_limit_stays_an_error_when_tolerant()
    {
        var deep = new string('[', 100) + new string(']', 100);

        Should.Throw<WebhookPayloadException>(() => Tolerant($"{{{Id},{Repo},\"count\":{deep}}}", out _))
            .Reason.ShouldStartWith("The body is not valid JSON");
    }

    [Fact]
    public void Outside_a_tolerant_read_the_primitives_throw_as_before()
    {
        Should.Throw<WebhookPayloadException>(() => WebhookJson.RequiredMissing("x")).Path.ShouldBe("x");
        Should.Throw<WebhookPayloadException>(() => WebhookJson.Deserialize("{\"id\":null}"u8, ReadDelivery)).Path.ShouldBe("id");
    }
}
