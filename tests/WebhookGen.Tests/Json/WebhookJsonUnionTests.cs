using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using Shouldly;
using WebhookGen.Json;
using Xunit;
using static WebhookGen.Tests.Json.TestPayloads;

namespace WebhookGen.Tests.Json;

/// <summary>The look-ahead primitives of union readers, and the unsigned integer readers.</summary>
public class WebhookJsonUnionTests
{
    private static string? Peek(string json, string property = "type") =>
        Read(json, (ref Utf8JsonReader reader) =>
        {
            var value = WebhookJson.PeekDiscriminator(reader, Encoding.UTF8.GetBytes(property));

            // The reader has not moved: the whole object is still there to skip.
            reader.TokenType.ShouldBe(JsonTokenType.StartObject);
            reader.Skip();
            return value;
        });

    [Theory]
    [InlineData("""{"type":"a"}""", "a")]
    [InlineData("""{"x":1,"type":"b"}""", "b")]
    [InlineData("""{"nested":{"type":"inner"},"list":[{"type":"item"}],"type":"outer"}""", "outer")]
    [InlineData("""{"ty\u0070e":"escaped name"}""", "escaped name")]
    [InlineData("""{"type":"\u00e9t\u00e9"}""", "été")]
    [InlineData("""{"type":"first","type":"second"}""", "first")]
    public void PeekDiscriminator_finds_the_top_level_property_wherever_it_stands(string json, string expected) =>
        Peek(json).ShouldBe(expected);

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"kind":"a"}""")]
    [InlineData("""{"nested":{"type":"inner"}}""")]
    [InlineData("""{"type":1}""")]
    [InlineData("""{"type":null}""")]
    [InlineData("""{"type":{"a":"b"}}""")]
    [InlineData("""{"type":"\ud800"}""")]
    public void PeekDiscriminator_is_null_when_the_property_is_absent_or_not_a_valid_string(string json) =>
        Peek(json).ShouldBeNull();

    [Fact]
    public void PeekDiscriminator_is_null_when_the_reader_is_not_at_an_object()
    {
        Read("""["type"]""", (ref Utf8JsonReader reader) =>
        {
            var value = WebhookJson.PeekDiscriminator(reader, "type"u8);
            reader.Skip();
            return value;
        }).ShouldBeNull();
    }

    [Fact]
    public void PeekDiscriminator_gives_up_without_throwing_on_a_partial_buffer()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"big":[1,2,3],"type":"a"}""");
        var reader = new Utf8JsonReader(bytes.AsSpan(0, 10), isFinalBlock: false, default);
        reader.Read();

        WebhookJson.PeekDiscriminator(reader, "type"u8).ShouldBeNull();
    }

    [Fact]
    public void PeekDiscriminator_reads_a_value_split_across_segments()
    {
        var first = new Segment(Encoding.UTF8.GetBytes("""{"a":[1,2],"ty"""));
        var last = first.Append(Encoding.UTF8.GetBytes("""pe":"split"}"""));
        var reader = new Utf8JsonReader(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));
        reader.Read();

        WebhookJson.PeekDiscriminator(reader, "type"u8).ShouldBe("split");
    }

    [Fact]
    public void PeekElement_copies_the_value_and_leaves_the_reader_where_it_was()
    {
        var (element, next) = Read("""{"a":[1,{"b":null}]}""", (ref Utf8JsonReader reader) =>
        {
            var copy = WebhookJson.PeekElement(reader);
            reader.TokenType.ShouldBe(JsonTokenType.StartObject);
            reader.Read();
            var name = reader.GetString();
            reader.Read();
            reader.Skip();
            reader.Read();
            return (copy, name);
        });

        next.ShouldBe("a");
        element.GetProperty("a")[1].GetProperty("b").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void NoMatchingMember_names_what_the_union_takes_and_what_came()
    {
        var exception = WebhookJson.NoMatchingMember(JsonTokenType.True, "a string or an object");

        exception.Path.ShouldBe(string.Empty);
        exception.Reason.ShouldBe("Expected a string or an object but found a boolean.");
        exception.Within("customer").Message.ShouldBe("'customer': Expected a string or an object but found a boolean.");
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("65535", 65535)]
    public void ReadUInt16_reads_the_range_of_ushort(string json, int expected) =>
        Read(json, (ref Utf8JsonReader reader) => WebhookJson.ReadUInt16(ref reader, "n")).ShouldBe((ushort)expected);

    [Theory]
    [InlineData("4294967295", uint.MaxValue)]
    [InlineData("7", 7u)]
    public void ReadUInt32_reads_the_range_of_uint(string json, uint expected) =>
        Read(json, (ref Utf8JsonReader reader) => WebhookJson.ReadUInt32(ref reader, "n")).ShouldBe(expected);

    [Fact]
    public void ReadUInt64_reads_the_range_of_ulong() =>
        Read("18446744073709551615", (ref Utf8JsonReader reader) => WebhookJson.ReadUInt64(ref reader, "n")).ShouldBe(ulong.MaxValue);

    [Theory]
    [InlineData("-1")]
    [InlineData("65536")]
    [InlineData("1.5")]
    [InlineData("\"1\"")]
    public void ReadUInt16_rejects_what_is_not_an_unsigned_16_bit_integer(string json) =>
        Should.Throw<WebhookPayloadException>(() => Read(json, (ref Utf8JsonReader reader) => WebhookJson.ReadUInt16(ref reader, "n")))
            .Reason.ShouldStartWith("Expected an unsigned 16-bit integer");

    [Theory]
    [InlineData("-1")]
    [InlineData("4294967296")]
    public void ReadUInt32_rejects_what_is_out_of_range(string json) =>
        Should.Throw<WebhookPayloadException>(() => Read(json, (ref Utf8JsonReader reader) => WebhookJson.ReadUInt32(ref reader, "n")))
            .Path.ShouldBe("n");

    [Theory]
    [InlineData("-1")]
    [InlineData("18446744073709551616")]
    [InlineData("null")]
    public void ReadUInt64_rejects_what_is_out_of_range(string json) =>
        Should.Throw<WebhookPayloadException>(() => Read(json, (ref Utf8JsonReader reader) => WebhookJson.ReadUInt64(ref reader, "n")))
            .Path.ShouldBe("n");

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] bytes) => Memory = bytes;

        public Segment Append(byte[] bytes)
        {
            var next = new Segment(bytes) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
