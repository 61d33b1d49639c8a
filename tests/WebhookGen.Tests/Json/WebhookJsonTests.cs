using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Shouldly;
using WebhookGen.Json;
using Xunit;
using static WebhookGen.Tests.Json.TestPayloads;

namespace WebhookGen.Tests.Json;

public class WebhookJsonTests
{
    private const string ValidEnvelope = """
        {
          "event": "appliance.updated",
          "data": { "applianceID": "a-1", "power": 3500 },
          "items": [ { "applianceID": "b-1", "power": 1 }, { "power": 2, "applianceID": "b-2" } ],
          "labels": { "site": "berlin", "env": "prod" }
        }
        """;

    private static WebhookPayloadException Fails<T>(string json, WebhookPayloadReader<T> read) =>
        Should.Throw<WebhookPayloadException>(() => Read(json, read));

    // ---- Deserialize: the body as a whole ----

    [Fact]
    public void Deserialize_reads_a_whole_payload()
    {
        var envelope = Read(ValidEnvelope, ReadEnvelope);

        envelope.Event.ShouldBe("appliance.updated");
        envelope.Data.ShouldBe(new Appliance("a-1", 3500));
        envelope.Items.ShouldBe([new Appliance("b-1", 1), new Appliance("b-2", 2)]);
        envelope.Labels.ShouldNotBeNull();
        envelope.Labels.Count.ShouldBe(2);
        envelope.Labels["site"].ShouldBe("berlin");
        envelope.Labels["env"].ShouldBe("prod");
    }

    [Fact]
    public void Deserialize_skips_undeclared_properties_of_any_shape()
    {
        const string json = """
            {"extra":{"a":[1,{"b":[[],{}]}],"c":null},"event":"e","more":[1,"2",true,null],"data":{"x":{"y":1},"applianceID":"a","power":1},"last":"z"}
            """;

        var envelope = Read(json, ReadEnvelope);

        envelope.Event.ShouldBe("e");
        envelope.Data.ShouldBe(new Appliance("a", 1));
        envelope.Items.ShouldBeNull();
        envelope.Labels.ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t ")]
    public void Empty_body_is_rejected_with_a_clear_reason(string body)
    {
        var exception = Fails(body, ReadEnvelope);

        exception.Path.ShouldBe(string.Empty);
        exception.Reason.ShouldBe("The body is empty; a JSON value was expected.");
        exception.Message.ShouldBe(exception.Reason);
    }

    [Fact]
    public void Invalid_JSON_names_line_and_byte_without_quoting_the_body()
    {
        const string json = "{\n  \"event\": \"hunter2-secret-value\",\n  \"data\": tru\n}";

        var exception = Fails(json, ReadEnvelope);

        exception.Path.ShouldBe(string.Empty);
        exception.Reason.ShouldStartWith("The body is not valid JSON");
        exception.Reason.ShouldContain("line 3");
        exception.Reason.ShouldContain("byte ");
        exception.Message.ShouldNotContain("hunter2");
        exception.Message.ShouldNotContain("tru");
        exception.InnerException.ShouldBeNull();
    }

    [Theory]
    [InlineData("{\"event\":\"x\",}")]
    [InlineData("{\"event\" \"x\"}")]
    [InlineData("{'event':'x'}")]
    [InlineData("{\"event\":\"x\"")]
    [InlineData("{\"other\":[1,2")]
    [InlineData("nul")]
    [InlineData("\"unterminated")]
    [InlineData("{\"event\":\"x\" /* comment */}")]
    public void Malformed_JSON_is_a_payload_error(string json)
    {
        var exception = Fails(json, ReadEnvelope);

        exception.Path.ShouldBe(string.Empty);
        exception.Reason.ShouldStartWith("The body is not valid JSON (line 1, byte ");
    }

    [Fact]
    public void JsonException_without_a_position_is_still_invalid_JSON()
    {
        var exception = Fails<int>("1", static (ref Utf8JsonReader _) => throw new JsonException());

        exception.Path.ShouldBe(string.Empty);
        exception.Reason.ShouldBe("The body is not valid JSON.");
    }

    [Fact]
    public void Invalid_UTF8_in_a_string_is_a_payload_error_naming_the_property()
    {
        byte[] body = [(byte)'"', 0xC3, 0x28, (byte)'"'];

        var exception = Should.Throw<WebhookPayloadException>(() => WebhookJson.Deserialize(body, static (ref Utf8JsonReader r) => WebhookJson.ReadString(ref r, "name")));

        exception.Path.ShouldBe("name");
        exception.Reason.ShouldBe("The string is not valid Unicode (invalid UTF-8 or an unpaired surrogate escape).");
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"\\udc00x\"")]
    [InlineData("\"a\\ud800\\u0041\"")]
    public void Unpaired_surrogate_escape_is_a_payload_error_naming_the_property(string json)
    {
        var exception = Fails(json, static (ref Utf8JsonReader r) => WebhookJson.ReadString(ref r, "name"));

        exception.Path.ShouldBe("name");
        exception.Reason.ShouldBe("The string is not valid Unicode (invalid UTF-8 or an unpaired surrogate escape).");
    }

    [Fact]
    public void Invalid_Unicode_in_dates_and_URIs_is_a_payload_error()
    {
        Fails("\"\\ud800\"", static (ref Utf8JsonReader r) => WebhookJson.ReadDate(ref r, "day")).Path.ShouldBe("day");
        Fails("\"\\ud800\"", static (ref Utf8JsonReader r) => WebhookJson.ReadUri(ref r, "link")).Path.ShouldBe("link");
    }

    [Fact]
    public void Invalid_Unicode_in_a_map_key_is_a_payload_error_naming_the_map()
    {
        byte[] body = [.. "{\"ok\":\"1\",\""u8, 0xFF, .. "\":\"2\"}"u8];

        var exception = Should.Throw<WebhookPayloadException>(() => WebhookJson.Deserialize(body, static (ref Utf8JsonReader r) =>
            WebhookJson.ReadMap(ref r, "labels", static (ref Utf8JsonReader v) => WebhookJson.ReadString(ref v, null))));

        exception.Path.ShouldBe("labels");
        exception.Reason.ShouldBe("A key is not valid Unicode (invalid UTF-8 or an unpaired surrogate escape).");
    }

    [Fact]
    public void Byte_order_mark_before_the_body_is_ignored()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. "{\"applianceID\":\"a\",\"power\":1}"u8];

        WebhookJson.Deserialize(body, ReadAppliance).ShouldBe(new Appliance("a", 1));
        Should.Throw<WebhookPayloadException>(() => WebhookJson.Deserialize([0xEF, 0xBB, 0xBF], ReadAppliance))
            .Reason.ShouldBe("The body is empty; a JSON value was expected.");
    }

    [Theory]
    [InlineData("{} {}")]
    [InlineData("{}x")]
    [InlineData("1 2")]
    [InlineData("\"a\" \"b\"")]
    [InlineData("[] ,")]
    public void Content_after_the_value_is_rejected(string json)
    {
        var exception = Fails(json, static (ref Utf8JsonReader r) => WebhookJson.ReadElement(ref r));

        exception.Path.ShouldBe(string.Empty);
        exception.Reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Trailing_whitespace_is_accepted()
    {
        Read("{\"applianceID\":\"a\",\"power\":2} \r\n\t ", ReadAppliance).ShouldBe(new Appliance("a", 2));
    }

    [Fact]
    public void A_reader_that_stops_inside_the_value_is_reported_as_trailing_content()
    {
        // The reader consumes only the start of the object; what follows must not be taken as read.
        var exception = Fails("{\"a\":1}", static (ref Utf8JsonReader r) => r.TokenType);

        exception.Reason.ShouldBe("The body has content after its JSON value.");
    }

    [Fact]
    public void Nesting_at_the_limit_is_read()
    {
        var json = new string('[', WebhookJson.MaxDepth) + new string(']', WebhookJson.MaxDepth);

        Read(json, ReadNested).ShouldBe(WebhookJson.MaxDepth);
    }

    [Theory]
    [InlineData(WebhookJson.MaxDepth + 1)]
    [InlineData(100_000)]
    public void Nesting_deeper_than_the_limit_is_rejected_without_overflowing_the_stack(int depth)
    {
        var json = new string('[', depth) + new string(']', depth);

        Fails(json, ReadNested).Reason.ShouldStartWith("The body is not valid JSON");
        Fails(json, static (ref Utf8JsonReader r) => WebhookJson.ReadElement(ref r)).Reason.ShouldStartWith("The body is not valid JSON");
    }

    [Fact]
    public void Deserialize_requires_a_reader()
    {
        Should.Throw<ArgumentNullException>(() => WebhookJson.Deserialize<int>("1"u8, null!)).ParamName.ShouldBe("read");
    }

    [Fact]
    public void Exceptions_other_than_payload_errors_are_not_swallowed()
    {
        // A bug in a reader or handler must not turn into a 400.
        Should.Throw<InvalidOperationException>(() => Read<int>("1", static (ref Utf8JsonReader _) => throw new InvalidOperationException("bug")))
            .Message.ShouldBe("bug");
    }

    /// <summary>Reads nested arrays recursively and returns the depth.</summary>
    private static int ReadNested(ref Utf8JsonReader reader)
    {
        var inner = WebhookJson.ReadArray(ref reader, null, ReadNested);
        return inner.Count == 0 ? 1 : inner[0] + 1;
    }

    // ---- Primitives ----

    [Theory]
    [InlineData("\"hello\"", "hello")]
    [InlineData("\"\"", "")]
    [InlineData("\"caf\\u00e9 \\\"q\\\" \\n\"", "café \"q\" \n")]
    [InlineData("\"grüß 世界\"", "grüß 世界")]
    public void ReadString_reads_strings(string json, string expected)
    {
        Read(json, static (ref Utf8JsonReader r) => WebhookJson.ReadString(ref r, "name")).ShouldBe(expected);
    }

    [Theory]
    [InlineData("5", "Expected a string but found a number.")]
    [InlineData("null", "Expected a string but found null.")]
    [InlineData("true", "Expected a string but found a boolean.")]
    [InlineData("{}", "Expected a string but found an object.")]
    [InlineData("[]", "Expected a string but found an array.")]
    public void ReadString_rejects_other_tokens(string json, string reason)
    {
        var exception = Fails(json, static (ref Utf8JsonReader r) => WebhookJson.ReadString(ref r, "name"));

        exception.Path.ShouldBe("name");
        exception.Reason.ShouldBe(reason);
        exception.Message.ShouldBe("'name': " + reason);
    }

    [Fact]
    public void Primitive_without_a_name_has_an_empty_path()
    {
        var exception = Fails("5", static (ref Utf8JsonReader r) => WebhookJson.ReadString(ref r, null));

        exception.Path.ShouldBe(string.Empty);
        exception.Message.ShouldBe("Expected a string but found a number.");
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void ReadBoolean_reads_booleans(string json, bool expected)
    {
        Read(json, static (ref Utf8JsonReader r) => WebhookJson.ReadBoolean(ref r, "on")).ShouldBe(expected);
    }

    [Theory]
    [InlineData("\"true\"", "Expected true or false but found a string.")]
    [InlineData("1", "Expected true or false but found a number.")]
    [InlineData("null", "Expected true or false but found null.")]
    public void ReadBoolean_rejects_other_tokens(string json, string reason)
    {
        var exception = Fails(json, static (ref Utf8JsonReader r) => WebhookJson.ReadBoolean(ref r, "on"));

        exception.Path.ShouldBe("on");
        exception.Reason.ShouldBe(reason);
    }

    [Theory]
    [InlineData("42", 42)]
    [InlineData("-7", -7)]
    [InlineData("0", 0)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("-2147483648", int.MinValue)]
    public void ReadInt32_reads_integers(string json, int expected)
    {
        Read(json, static (ref Utf8JsonReader r) => WebhookJson.ReadInt32(ref r, "power")).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2147483648", "Expected a 32-bit integer but found a number out of range or not of that kind.")]
    [InlineData("-2147483649", "Expected a 32-bit integer but found a number out of range or not of that kind.")]
    [InlineData("1.5", "Expected a 32-bit integer but found a number out of range or not of that kind.")]
    [InlineData("1e3", "Expected a 32-bit integer but found a number out of range or not of that kind.")]
    [InlineData("\"5\"", "Expected a 32-bit integer but found a string.")]
    [InlineData("null", "Expected a 32-bit integer but found null.")]
    public void ReadInt32_rejects_overflow_fractions_and_other_tokens(string json, string reason)
    {
        var exception = Fails(json, static (ref Utf8JsonReader r) => WebhookJson.ReadInt32(ref r, "power"));

        exception.Path.ShouldBe("power");
        exception.Reason.ShouldBe(reason);
    }

    [Theory]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("2147483648", 2147483648L)]
    public void ReadInt64_reads_integers(string json, long expected)
    {
        Read(json, static (ref Utf8JsonReader r) => WebhookJson.ReadInt64(ref r, "energy")).ShouldBe(expected);
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("0.5")]
    [InlineData("\"1\"")]
    public void ReadInt64_rejects_overflow_and_other_tokens(string json)
    {
        var exception = Fails(json, static (ref Utf8JsonReader r) => WebhookJson.ReadInt64(ref r, "energy"));

        exception.Path.ShouldBe("energy");
        exception.Reason.ShouldStartWith("Expected a 64-bit integer but found ");
    }

    [Theory]
    [InlineData("1.5", 1.5f)]
    [InlineData("-0.25", -0.25f)]
    [InlineData("3", 3f)]
    [InlineData("1e3", 1000f)]
    public void ReadSingle_reads_numbers(string json, float expected)
    {
        Read(json, static (ref Utf8JsonReader r) => WebhookJson.ReadSingle(ref r, "ratio")).ShouldBe(expected);
    }

    [Theory]
    [InlineData("\"1.5\"", "Expected a number but found a string.")]
    [InlineData("1e39", "Expected a number but found a number out of range or not of that kind.")]
    [InlineData("-3.5e38", "Expected a number but found a number out of range or not of that kind.")]
    [InlineData("true", "Expected a number but found a boolean.")]
    public void ReadSingle_rejects_out_of_range_and_other_tokens(string json, string reason)
    {
        var exception = Fails(json, static (ref Utf8JsonReader r) => WebhookJson.ReadSingle(ref r, "ratio"));

        exception.Path.ShouldBe("ratio");
        exception.Reason.ShouldBe(reason);
    }

    [Fact]
    public void ReadSingle_accepts_its_largest_value()
    {
        Read("3.4028235e38", static (ref Utf8JsonReader r) => WebhookJson.ReadSingle(ref r, "ratio")).ShouldBe(float.MaxValue);
    }

    [Theory]
    [InlineData("1.25e3", 1250d)]
    [InlineData("-0.1", -0.1d)]
    [InlineData("1.7976931348623157E+308", double.MaxValue)]
    public void ReadDouble_reads_numbers(string json, double expected)
    {
        Read(json, static (ref Utf8JsonReader r) => WebhookJson.ReadDouble(ref r, "lat")).ShouldBe(expected);
    }

    [Theory]
    [InlineData("\"1\"", "Expected a number but found a string.")]
    [InlineData("1e400", "Expected a number but found a number out of range or not of that kind.")]
    [InlineData("-1e400", "Expected a number but found a number out of range or not of that kind.")]
    [InlineData("[]", "Expected a number but found an array.")]
    public void ReadDouble_rejects_out_of_range_and_other_tokens(string json, string reason)
    {
        var exception = Fails(json, static (ref Utf8JsonReader r) => WebhookJson.ReadDouble(ref r, "lat"));

        exception.Path.ShouldBe("lat");
        exception.Reason.ShouldBe(reason);
    }

    [Fact]
    public void ReadDecimal_reads_exact_decimals()
    {
        Read("0.1", static (ref Utf8JsonReader r) => WebhookJson.ReadDecimal(ref r, "price")).ShouldBe(0.1m);
        Read("-12345678901234567890.123", static (ref Utf8JsonReader r) => WebhookJson.ReadDecimal(ref r, "price")).ShouldBe(-12345678901234567890.123m);
        Read("5", static (ref Utf8JsonReader r) => WebhookJson.ReadDecimal(ref r, "price")).ShouldBe(5m);
    }

    [Theory]
    [InlineData("1e29", "Expected a decimal number but found a number out of range or not of that kind.")]
    [InlineData("\"0.1\"", "Expected a decimal number but found a string.")]
    public void ReadDecimal_rejects_out_of_range_and_other_tokens(string json, string reason)
    {
        var exception = Fails(json, static (ref Utf8JsonReader r) => WebhookJson.ReadDecimal(ref r, "price"));

        exception.Path.ShouldBe("price");
        exception.Reason.ShouldBe(reason);
    }

    [Fact]
    public void ReadGuid_reads_UUIDs()
    {
        Read("\"0f8fad5b-d9cb-469f-a165-70867728950e\"", static (ref Utf8JsonReader r) => WebhookJson.ReadGuid(ref r, "id"))
            .ShouldBe(new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"));
        Read("\"0F8FAD5B-D9CB-469F-A165-70867728950E\"", static (ref Utf8JsonReader r) => WebhookJson.ReadGuid(ref r, "id"))
            .ShouldBe(new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"));
    }

    [Theory]
    [InlineData("\"not-a-guid\"", "Expected a UUID string but found a string not in that format.")]
    [InlineData("\"0f8fad5b-d9cb-469f-a165-70867728950\"", "Expected a UUID string but found a string not in that format.")]
    [InlineData("\"\"", "Expected a UUID string but found a string not in that format.")]
    [InlineData("12", "Expected a UUID string but found a number.")]
    public void ReadGuid_rejects_bad_format_naming_the_property(string json, string reason)
    {
        var exception = Fails(json, static (ref Utf8JsonReader r) => WebhookJson.ReadGuid(ref r, "eventId"));

        exception.Path.ShouldBe("eventId");
        exception.Reason.ShouldBe(reason);
        exception.Message.ShouldStartWith("'eventId': ");
    }

    [Fact]
    public void ReadDateTimeOffset_reads_RFC3339_with_offsets()
    {
        Read("\"2024-05-06T07:08:09+02:00\"", static (ref Utf8JsonReader r) => WebhookJson.ReadDateTimeOffset(ref r, "at"))
            .ShouldBe(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)));
        var utc = Read("\"2024-05-06T07:08:09.123Z\"", static (ref Utf8JsonReader r) => WebhookJson.ReadDateTimeOffset(ref r, "at"));
        utc.ShouldBe(new DateTimeOffset(2024, 5, 6, 7, 8, 9, 123, TimeSpan.Zero));
        utc.Offset.ShouldBe(TimeSpan.Zero);
        Read("\"2024-05-06T07:08:09\\u002B02:00\"", static (ref Utf8JsonReader r) => WebhookJson.ReadDateTimeOffset(ref r, "at"))
            .ShouldBe(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)));
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("\"06/05/2024 07:08\"")]
    [InlineData("\"2024-13-01T00:00:00Z\"")]
    [InlineData("1714979289")]
    [InlineData("\"2024-05-06T07:08:09\"")]
    [InlineData("\"2024-05-06\"")]
    [InlineData("\"2024-05-06T07:08\"")]
    public void ReadDateTimeOffset_rejects_other_formats(string json)
    {
        var exception = Fails(json, static (ref Utf8JsonReader r) => WebhookJson.ReadDateTimeOffset(ref r, "at"));

        exception.Path.ShouldBe("at");
        exception.Reason.ShouldStartWith("Expected an RFC 3339 date-time string with an offset but found ");
    }

    [Fact]
    public void ReadDate_reads_full_dates()
    {
        Read("\"2024-02-29\"", static (ref Utf8JsonReader r) => WebhookJson.ReadDate(ref r, "day")).ShouldBe(new DateOnly(2024, 2, 29));
        Read("\"0001-01-01\"", static (ref Utf8JsonReader r) => WebhookJson.ReadDate(ref r, "day")).ShouldBe(DateOnly.MinValue);
    }

    [Theory]
    [InlineData("\"2023-02-29\"", "Expected a date string (yyyy-MM-dd) but found a string not in that format.")]
    [InlineData("\"2024-2-3\"", "Expected a date string (yyyy-MM-dd) but found a string not in that format.")]
    [InlineData("\"2024-05-06T00:00:00Z\"", "Expected a date string (yyyy-MM-dd) but found a string not in that format.")]
    [InlineData("\"06.05.2024\"", "Expected a date string (yyyy-MM-dd) but found a string not in that format.")]
    [InlineData("\" 2024-05-06\"", "Expected a date string (yyyy-MM-dd) but found a string not in that format.")]
    [InlineData("20240506", "Expected a date string (yyyy-MM-dd) but found a number.")]
    public void ReadDate_rejects_other_formats(string json, string reason)
    {
        var exception = Fails(json, static (ref Utf8JsonReader r) => WebhookJson.ReadDate(ref r, "day"));

        exception.Path.ShouldBe("day");
        exception.Reason.ShouldBe(reason);
    }

    [Fact]
    public void ReadBytes_reads_base64()
    {
        Read("\"AQID/w==\"", static (ref Utf8JsonReader r) => WebhookJson.ReadBytes(ref r, "blob")).ShouldBe(new byte[] { 1, 2, 3, 255 });
        Read("\"\"", static (ref Utf8JsonReader r) => WebhookJson.ReadBytes(ref r, "blob")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("\"@@@\"")]
    [InlineData("\"AQI\"")]
    [InlineData("[1,2]")]
    public void ReadBytes_rejects_non_base64(string json)
    {
        var exception = Fails(json, static (ref Utf8JsonReader r) => WebhookJson.ReadBytes(ref r, "blob"));

        exception.Path.ShouldBe("blob");
        exception.Reason.ShouldStartWith("Expected a base64 string but found ");
    }

    [Fact]
    public void ReadUri_reads_absolute_and_relative_URIs()
    {
        var absolute = Read("\"https://example.com/a?b=1\"", static (ref Utf8JsonReader r) => WebhookJson.ReadUri(ref r, "link"));
        absolute.IsAbsoluteUri.ShouldBeTrue();
        absolute.Host.ShouldBe("example.com");
        absolute.OriginalString.ShouldBe("https://example.com/a?b=1");

        var relative = Read("\"/devices/1\"", static (ref Utf8JsonReader r) => WebhookJson.ReadUri(ref r, "link"));
        relative.IsAbsoluteUri.ShouldBeFalse();
        relative.OriginalString.ShouldBe("/devices/1");
    }

    [Theory]
    [InlineData("5", "Expected a URI string but found a number.")]
    [InlineData("null", "Expected a URI string but found null.")]
    public void ReadUri_rejects_other_tokens(string json, string reason)
    {
        var exception = Fails(json, static (ref Utf8JsonReader r) => WebhookJson.ReadUri(ref r, "link"));

        exception.Path.ShouldBe("link");
        exception.Reason.ShouldBe(reason);
    }

    [Fact]
    public void ReadElement_reads_any_value_and_leaves_the_reader_after_it()
    {
        var element = Read("""{"a":[1,{"b":"c"}],"d":null}""", static (ref Utf8JsonReader r) => WebhookJson.ReadElement(ref r));

        element.ValueKind.ShouldBe(JsonValueKind.Object);
        element.GetProperty("a")[0].GetInt32().ShouldBe(1);
        element.GetProperty("a")[1].GetProperty("b").GetString().ShouldBe("c");
        element.GetProperty("d").ValueKind.ShouldBe(JsonValueKind.Null);

        // Inside an object the next property is still read after the element.
        var pair = Read("""{"x":[1,2],"y":"after"}""", static (ref Utf8JsonReader r) =>
        {
            WebhookJson.StartObject(ref r, null);
            WebhookJson.NextProperty(ref r).ShouldBeTrue();
            WebhookJson.MoveToValue(ref r);
            var x = WebhookJson.ReadElement(ref r);
            WebhookJson.NextProperty(ref r).ShouldBeTrue();
            r.GetString().ShouldBe("y");
            WebhookJson.MoveToValue(ref r);
            var y = WebhookJson.ReadString(ref r, "y");
            WebhookJson.NextProperty(ref r).ShouldBeFalse();
            return (x.GetArrayLength(), y);
        });
        pair.ShouldBe((2, "after"));
    }

    [Fact]
    public void ReadElement_outlives_the_body()
    {
        var body = Encoding.UTF8.GetBytes("""{"a":"b"}""");
        var element = WebhookJson.Deserialize(body, static (ref Utf8JsonReader r) => WebhookJson.ReadElement(ref r));
        Array.Clear(body);

        element.GetProperty("a").GetString().ShouldBe("b");
    }

    // ---- Objects, arrays, maps and their paths ----

    [Fact]
    public void Error_inside_an_object_is_prefixed_with_its_property()
    {
        var exception = Fails("""{"event":"e","data":{"applianceID":42,"power":1}}""", ReadEnvelope);

        exception.Path.ShouldBe("data.applianceID");
        exception.Reason.ShouldBe("Expected a string but found a number.");
        exception.Message.ShouldBe("'data.applianceID': Expected a string but found a number.");
    }

    [Fact]
    public void Missing_property_inside_an_object_is_prefixed_with_its_property()
    {
        var exception = Fails("""{"event":"e","data":{"power":1}}""", ReadEnvelope);

        exception.Path.ShouldBe("data.applianceID");
        exception.Reason.ShouldBe("The property is required but missing.");
    }

    [Fact]
    public void Object_of_the_wrong_type_names_its_property()
    {
        var exception = Fails("""{"event":"e","data":[]}""", ReadEnvelope);

        exception.Path.ShouldBe("data");
        exception.Reason.ShouldBe("Expected an object but found an array.");
    }

    [Fact]
    public void Missing_top_level_property_is_named()
    {
        var exception = Fails("""{"data":{"applianceID":"a","power":1}}""", ReadEnvelope);

        exception.Path.ShouldBe("event");
        exception.Message.ShouldBe("'event': The property is required but missing.");
    }

    [Fact]
    public void Body_that_is_not_an_object_has_an_empty_path()
    {
        var exception = Fails("[]", ReadEnvelope);

        exception.Path.ShouldBe(string.Empty);
        exception.Reason.ShouldBe("Expected an object but found an array.");
    }

    [Fact]
    public void Error_in_an_array_item_names_the_index()
    {
        const string json = """{"event":"e","data":{"applianceID":"a","power":1},"items":[{"applianceID":"0","power":0},{"applianceID":"1","power":1},{"applianceID":2,"power":2}]}""";

        Fails(json, ReadEnvelope).Path.ShouldBe("items[2].applianceID");
    }

    [Fact]
    public void Array_item_of_the_wrong_type_names_the_index()
    {
        const string json = """{"event":"e","data":{"applianceID":"a","power":1},"items":[{"applianceID":"0","power":0},null]}""";

        var exception = Fails(json, ReadEnvelope);

        exception.Path.ShouldBe("items[1]");
        exception.Reason.ShouldBe("Expected an object but found null.");
    }

    [Fact]
    public void Array_of_the_wrong_type_names_its_property()
    {
        const string json = """{"event":"e","data":{"applianceID":"a","power":1},"items":{"0":{}}}""";

        var exception = Fails(json, ReadEnvelope);

        exception.Path.ShouldBe("items");
        exception.Reason.ShouldBe("Expected an array but found an object.");
    }

    [Fact]
    public void Top_level_array_items_are_named_by_index_alone()
    {
        Read("""["a","b"]""", static (ref Utf8JsonReader r) => WebhookJson.ReadArray(ref r, null, static (ref Utf8JsonReader i) => WebhookJson.ReadString(ref i, null)))
            .ShouldBe(["a", "b"]);

        var exception = Fails("""["a","b",3]""", static (ref Utf8JsonReader r) => WebhookJson.ReadArray(ref r, null, static (ref Utf8JsonReader i) => WebhookJson.ReadString(ref i, null)));

        exception.Path.ShouldBe("[2]");
        exception.Message.ShouldBe("'[2]': Expected a string but found a number.");
    }

    [Fact]
    public void Empty_array_is_read_as_empty()
    {
        Read("[]", static (ref Utf8JsonReader r) => WebhookJson.ReadArray(ref r, "xs", static (ref Utf8JsonReader i) => WebhookJson.ReadInt32(ref i, null)))
            .ShouldBeEmpty();
    }

    [Fact]
    public void Nested_arrays_name_each_index()
    {
        static IReadOnlyList<IReadOnlyList<int>> ReadGrid(ref Utf8JsonReader r) =>
            WebhookJson.ReadArray(ref r, "grid", static (ref Utf8JsonReader row) =>
                WebhookJson.ReadArray(ref row, null, static (ref Utf8JsonReader cell) => WebhookJson.ReadInt32(ref cell, null)));

        var grid = Read("[[1],[2,3]]", ReadGrid);
        grid.Count.ShouldBe(2);
        grid[1].ShouldBe([2, 3]);

        Fails("[[1],[2,\"x\"]]", ReadGrid).Path.ShouldBe("grid[1][1]");
    }

    [Fact]
    public void Error_in_a_map_value_names_the_key()
    {
        const string json = """{"event":"e","data":{"applianceID":"a","power":1},"labels":{"site":"berlin","env":5}}""";

        var exception = Fails(json, ReadEnvelope);

        exception.Path.ShouldBe("labels.env");
        exception.Reason.ShouldBe("Expected a string but found a number.");
    }

    [Fact]
    public void Map_of_the_wrong_type_names_its_property()
    {
        const string json = """{"event":"e","data":{"applianceID":"a","power":1},"labels":["x"]}""";

        var exception = Fails(json, ReadEnvelope);

        exception.Path.ShouldBe("labels");
        exception.Reason.ShouldBe("Expected an object but found an array.");
    }

    [Fact]
    public void Map_reads_escaped_keys_and_refuses_a_key_given_twice()
    {
        static IReadOnlyDictionary<string, int> ReadCounts(ref Utf8JsonReader r) =>
            WebhookJson.ReadMap(ref r, "m", static (ref Utf8JsonReader v) => WebhookJson.ReadInt32(ref v, null));

        var map = Read("""{"a\u00e9":1,"b":2}""", ReadCounts);
        map.Count.ShouldBe(2);
        map["aé"].ShouldBe(1);

        // Which of two values a map keeps is the kind of choice a router and a parser can make differently.
        Fails("""{"a\u00e9":1,"b":2,"\u0062":3}""", ReadCounts).Path.ShouldBe("m.b");
    }

    [Fact]
    public void Map_of_arrays_and_top_level_maps_compose_paths()
    {
        static IReadOnlyDictionary<string, IReadOnlyList<int>> ReadMapOfArrays(ref Utf8JsonReader r) =>
            WebhookJson.ReadMap(ref r, null, static (ref Utf8JsonReader v) =>
                WebhookJson.ReadArray(ref v, null, static (ref Utf8JsonReader i) => WebhookJson.ReadInt32(ref i, null)));

        Read("""{"k":[1,2]}""", ReadMapOfArrays)["k"].ShouldBe([1, 2]);
        Fails("""{"k":[1,"x"]}""", ReadMapOfArrays).Path.ShouldBe("k[1]");
    }

    [Fact]
    public void Map_of_objects_names_key_and_property()
    {
        var exception = Fails(
            """{"devices":{"heat-pump":{"applianceID":"a","power":"high"}}}""",
            static (ref Utf8JsonReader r) =>
            {
                WebhookJson.StartObject(ref r, null);
                WebhookJson.NextProperty(ref r);
                r.Read();
                return WebhookJson.ReadMap(ref r, "devices", static (ref Utf8JsonReader v) => ReadAppliance(ref v));
            });

        exception.Path.ShouldBe("devices.heat-pump.power");
    }

    [Fact]
    public void StartObject_names_the_property_on_a_mismatch()
    {
        var named = Fails("\"x\"", static (ref Utf8JsonReader r) =>
        {
            WebhookJson.StartObject(ref r, "root");
            return 0;
        });
        named.Path.ShouldBe("root");
        named.Reason.ShouldBe("Expected an object but found a string.");

        Read("{}", static (ref Utf8JsonReader r) =>
        {
            WebhookJson.StartObject(ref r, "root");
            return WebhookJson.NextProperty(ref r);
        }).ShouldBeFalse();
    }

    [Fact]
    public void NextProperty_and_SkipValue_walk_an_object()
    {
        var names = Read("""{"a":1,"b":[1,2,{"c":3}],"d":{"e":{}},"f":"x","g":null}""", static (ref Utf8JsonReader r) =>
        {
            WebhookJson.StartObject(ref r, null);
            var seen = new List<string>();
            while (WebhookJson.NextProperty(ref r))
            {
                seen.Add(r.GetString()!);
                WebhookJson.SkipValue(ref r);
            }

            r.TokenType.ShouldBe(JsonTokenType.EndObject);
            return seen;
        });

        names.ShouldBe(["a", "b", "d", "f", "g"]);
    }

    [Fact]
    public void MissingProperty_names_the_property()
    {
        var exception = WebhookJson.MissingProperty("applianceID");

        exception.Path.ShouldBe("applianceID");
        exception.Reason.ShouldBe("The property is required but missing.");
        exception.Message.ShouldBe("'applianceID': The property is required but missing.");
    }

    [Fact]
    public void ReadObject_prefixes_only_payload_errors()
    {
        Read("""{"applianceID":"a","power":7}""", static (ref Utf8JsonReader r) => WebhookJson.ReadObject(ref r, "data", ReadAppliance))
            .ShouldBe(new Appliance("a", 7));

        Fails("""{"applianceID":"a","power":7.5}""", static (ref Utf8JsonReader r) => WebhookJson.ReadObject(ref r, "data", ReadAppliance))
            .Path.ShouldBe("data.power");
    }
}
