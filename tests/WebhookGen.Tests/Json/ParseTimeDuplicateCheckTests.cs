using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Shouldly;
using WebhookGen.Json;
using Xunit;

namespace WebhookGen.Tests.Json;

/// <summary>
/// The check that rides on the parse (<see cref="WebhookJson.Deserialize{T}(ReadOnlySpan{byte}, WebhookPayloadReader{T})"/>):
/// every object a reader opens, every name it reads, every value it skips or takes whole, refuses a name given twice,
/// and nothing else.
/// </summary>
public sealed class ParseTimeDuplicateCheckTests
{
    private static readonly WebhookGen.Hosting.WebhookBodyEventName ApplianceCreate = new("type", "appliance/create");

    [Theory]
    [MemberData(nameof(JsonDuplicatePropertiesTests.NamesGivenTwice), MemberType = typeof(JsonDuplicatePropertiesTests))]
    public void A_name_given_twice_is_refused_even_in_values_the_reader_skips(string json, string name) =>
        Fails(json, SkipAll).Reason.ShouldBe($"The member '{name}' appears twice in one object; each member may be named once.");

    [Theory]
    [InlineData("""{"type":"a","data":{"type":"b"}}""")]
    [InlineData("""{"a":{"n":1},"b":{"n":2},"c":[{"n":3},{"n":4}]}""")]
    [InlineData("""{"Type":"a","type":"b"}""")]
    [InlineData("""{"a":{"c":1},"c":2,"b":{"c":3,"d":{"c":4}}}""")]
    [InlineData("""{"a_rather_long_member_name":1,"a_rather_long_member_namf":2,"b_rather_long_member_name":3}""")]
    [InlineData("""{"abcdefgh12345678":1,"abcdefgh1234567":2,"bcdefgh12345678":3}""")]
    [InlineData("""{}""")]
    public void Names_once_per_object_are_read(string json) =>
        Should.NotThrow(() => Read(json, SkipAll));

    [Fact]
    public void Objects_with_many_members_are_checked_in_full_nested_and_in_turn()
    {
        static string Members(string prefix, int count) => string.Join(",", Enumerable.Range(0, count).Select(i => $"\"{prefix}{i}\":{i}"));
        static string LongMembers(int count) => string.Join(",", Enumerable.Range(0, count).Select(i => $"\"same_start_{i:D6}_same_end\":{i}"));

        var json = "{" + Members("p", 40) + ",\"inner\":{" + Members("p", 40) + "}," + Members("q", 40) + "}";
        Should.NotThrow(() => Read(json, SkipAll));
        Fails(json[..^1] + ",\"p39\":0}", SkipAll).Path.ShouldBe("p39");
        Should.NotThrow(() => Read("{\"a\":[{" + Members("p", 40) + "},{" + Members("p", 40) + "}]}", SkipAll));

        // Long names that share their first and last eight bytes are told apart, and their repeats found, indexed or not.
        Should.NotThrow(() => Read("{" + LongMembers(5000) + "}", SkipAll));
        Fails("{" + LongMembers(5000) + ",\"same_start_004321_same_end\":0}", SkipAll).Path.ShouldBe("same_start_004321_same_end");
        Fails("{" + LongMembers(3) + ",\"same_start_000001_same_end\":0}", SkipAll).Path.ShouldBe("same_start_000001_same_end");
    }

    [Fact]
    public void The_error_names_the_path_to_the_repeated_member()
    {
        var error = Fails("""{"event":"e","data":{"applianceID":"a","power":1,"power":2}}""", TestPayloads.ReadEnvelope);

        error.Path.ShouldBe("data.power");
        error.DriftKind.ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"event":"e","data":{"applianceID":"a","power":1},"items":[{"applianceID":"b","power":2},{"applianceID":"c","power":3}]}""")]
    [InlineData("""{"event":"e","data":{"applianceID":"a","power":1},"labels":{"x":"1","y":"2"},"extra":{"x":[{"x":1},{"x":2}]}}""")]
    public void Typed_readers_read_siblings_each_with_their_own_names(string json) =>
        Should.NotThrow(() => Read(json, TestPayloads.ReadEnvelope));

    [Theory]
    [InlineData("""{"event":"e","data":{"applianceID":"a","power":1},"items":[{"applianceID":"b","power":2,"power":3}]}""", "items[0].power")]
    [InlineData("""{"event":"e","data":{"applianceID":"a","power":1},"labels":{"x":"1","x":"2"}}""", "labels.x")]
    [InlineData("""{"event":"e","data":{"applianceID":"a","power":1},"extra":{"x":[{"y":1,"y":2}]}}""", "y")]
    public void Arrays_maps_and_undeclared_values_are_checked(string json, string path) =>
        Fails(json, TestPayloads.ReadEnvelope).Path.ShouldBe(path);

    [Fact]
    public void A_value_taken_whole_as_a_json_element_is_checked()
    {
        static JsonElement ReadAny(ref Utf8JsonReader reader) => WebhookJson.ReadElement(ref reader);

        Read("""{"a":{"b":1},"c":[{"b":2}]}""", ReadAny).GetProperty("a").GetProperty("b").GetInt32().ShouldBe(1);
        Fails("""{"a":{"b":1,"b":2}}""", ReadAny).Path.ShouldBe("b");
    }

    [Fact]
    public void A_tolerant_read_that_skips_a_drifted_item_starts_the_next_item_afresh()
    {
        // The first repo is not an object: skipped as drift. The second and third share names, each once.
        var json = """{"id":"3fa85f64-5717-4562-b3fc-2c963f66afa6","repo":{"name":"r","has_discussions":true},"color":"red","count":1,"repos":[{"name":"a","has_discussions":"yes"},{"name":"b","has_discussions":false},{"name":"c","has_discussions":true}]}""";

        var delivery = DriftPayloads.Read(json, DriftPayloads.ReadDelivery, WebhookPayloadReading.Tolerant, out var drift);

        delivery.Repos.ShouldNotBeNull().Count.ShouldBe(3);
        drift.ShouldNotBeEmpty();
    }

    [Fact]
    public void A_repeat_fails_a_tolerant_read_too()
    {
        var json = """{"id":"3fa85f64-5717-4562-b3fc-2c963f66afa6","repo":{"name":"r","name":"s","has_discussions":true},"color":"red","count":1}""";

        Should.Throw<WebhookPayloadException>(() => DriftPayloads.Read(json, DriftPayloads.ReadDelivery, WebhookPayloadReading.Tolerant, out _))
            .Path.ShouldBe("repo.name");
    }

    [Fact]
    public void Outside_a_deserialization_nothing_is_checked()
    {
        // A reader called directly (JsonSerializer through the generated converter) reads as System.Text.Json does.
        var reader = new Utf8JsonReader("""{"a":1,"a":2}"""u8);
        reader.Read();
        SkipAll(ref reader);

        reader.BytesConsumed.ShouldBe(13);
    }

    [Fact]
    public void A_failed_read_leaves_nothing_behind_for_the_next_one()
    {
        Should.Throw<WebhookPayloadException>(() => Read("""{"a":{"b":1,"b":2}}""", SkipAll));
        Should.Throw<WebhookPayloadException>(() => Read("""{"a":{"b":1,"c":""", SkipAll));
        Should.NotThrow(() => Read("""{"b":1,"a":{"b":2}}""", SkipAll));
    }

    [Fact]
    public void The_usual_body_is_checked_without_allocating_more_than_its_read()
    {
        var body = """{"id":"3fa85f64","type":"appliance/create","data":{"applianceID":"fc0a6ac7","type":"METER","kind":"BATTERY"}}"""u8.ToArray();
        WebhookJson.Deserialize(body, SkipAll);

        var before = GC.GetAllocatedBytesForCurrentThread();
        WebhookJson.Deserialize(body, SkipAll, ApplianceCreate, out _);
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Theory]
    [InlineData("""{"id":"1","type":"gateway/create","data":{}}""", "gateway/create")]
    [InlineData("""{"type":"gateway\/create"}""", "gateway/create")]
    [InlineData("""{"t\u0079pe":"x"}""", "x")]
    public void The_parse_reads_the_top_level_member_that_names_another_event(string json, string other)
    {
        WebhookJson.Deserialize(Encoding.UTF8.GetBytes(json), SkipAll, ApplianceCreate, out var otherEvent);

        otherEvent.ShouldBe(other);
    }

    [Theory]
    [InlineData("""{"type":"appliance/create","data":{"type":"METER"}}""")]
    [InlineData("""{"type":"appliance\/create"}""")]
    [InlineData("""{"data":{"type":"gateway/create"}}""")]
    [InlineData("""{"type":7}""")]
    [InlineData("""{"Type":"gateway/create"}""")]
    public void The_event_s_own_name_a_nested_one_or_none_is_no_other_event(string json)
    {
        WebhookJson.Deserialize(Encoding.UTF8.GetBytes(json), SkipAll, ApplianceCreate, out var otherEvent);

        otherEvent.ShouldBeNull();
    }

    [Fact]
    public void The_other_event_is_known_when_the_read_fails_after_it()
    {
        string? otherEvent = null;
        Should.Throw<WebhookPayloadException>(() => WebhookJson.Deserialize("""{"type":"gateway/create","type":"x"}"""u8, SkipAll, ApplianceCreate, out otherEvent));

        otherEvent.ShouldBe("gateway/create");
    }

    /// <summary>A record's reader that declares no member: every value is skipped.</summary>
    private static int SkipAll(ref Utf8JsonReader reader)
    {
        WebhookJson.StartObject(ref reader, null);
        while (WebhookJson.NextProperty(ref reader))
        {
            WebhookJson.SkipValue(ref reader);
        }

        return 0;
    }

    private static T Read<T>(string json, WebhookPayloadReader<T> read) => WebhookJson.Deserialize(Encoding.UTF8.GetBytes(json), read);

    private static WebhookPayloadException Fails<T>(string json, WebhookPayloadReader<T> read) =>
        Should.Throw<WebhookPayloadException>(() => Read(json, read));
}
