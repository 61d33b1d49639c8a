using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Shouldly;
using WebhookGen.Json;
using Xunit;

namespace WebhookGen.Tests.Json;

public class WebhookJsonWriterTests
{
    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void WriteDate_writes_a_full_date()
    {
        Write(w => WebhookJsonWriter.WriteDate(w, new DateOnly(2024, 2, 9))).ShouldBe("\"2024-02-09\"");
        Write(w => WebhookJsonWriter.WriteDate(w, new DateOnly(7, 12, 31))).ShouldBe("\"0007-12-31\"");
    }

    [Fact]
    public void WriteDate_ignores_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // The Thai culture uses the Buddhist calendar: 2024 would be written 2567.
            CultureInfo.CurrentCulture = new CultureInfo("th-TH");
            Write(w => WebhookJsonWriter.WriteDate(w, new DateOnly(2024, 2, 9))).ShouldBe("\"2024-02-09\"");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void WriteDate_output_is_read_back_by_ReadDate()
    {
        var date = new DateOnly(1999, 12, 31);
        var json = Write(w => WebhookJsonWriter.WriteDate(w, date));

        TestPayloads.Read(json, static (ref Utf8JsonReader r) => WebhookJson.ReadDate(ref r, "day")).ShouldBe(date);
    }

    [Fact]
    public void WriteUri_writes_the_original_string()
    {
        Write(w => WebhookJsonWriter.WriteUri(w, new Uri("/devices/1", UriKind.Relative))).ShouldBe("\"/devices/1\"");
        Write(w => WebhookJsonWriter.WriteUri(w, new Uri("https://example.com/a"))).ShouldBe("\"https://example.com/a\"");

        // Not normalised (no trailing slash, host case kept) and readable back as the same string.
        var json = Write(w => WebhookJsonWriter.WriteUri(w, new Uri("HTTPS://Example.COM")));
        JsonDocument.Parse(json).RootElement.GetString().ShouldBe("HTTPS://Example.COM");
    }

    [Fact]
    public void WriteArray_writes_each_item()
    {
        Write(w => WebhookJsonWriter.WriteArray(w, new[] { 1, 2, 3 }, static (writer, item) => writer.WriteNumberValue(item))).ShouldBe("[1,2,3]");
        Write(w => WebhookJsonWriter.WriteArray(w, Array.Empty<string>(), static (writer, item) => writer.WriteStringValue(item))).ShouldBe("[]");
        Write(w => WebhookJsonWriter.WriteArray(w, new[] { new[] { 1 }, [] }, static (writer, inner) =>
            WebhookJsonWriter.WriteArray(writer, inner, static (x, i) => x.WriteNumberValue(i)))).ShouldBe("[[1],[]]");
    }

    [Fact]
    public void WriteMap_writes_each_entry_in_order()
    {
        var map = new List<KeyValuePair<string, int>> { new("b", 2), new("a", 1) };

        Write(w => WebhookJsonWriter.WriteMap(w, map, static (writer, value) => writer.WriteNumberValue(value))).ShouldBe("""{"b":2,"a":1}""");
        Write(w => WebhookJsonWriter.WriteMap(w, new Dictionary<string, string>(), static (writer, value) => writer.WriteStringValue(value))).ShouldBe("{}");
    }

    [Fact]
    public void WriteMap_escapes_keys()
    {
        var json = Write(w => WebhookJsonWriter.WriteMap(w, new Dictionary<string, bool> { ["a\"b"] = true }, static (writer, value) => writer.WriteBooleanValue(value)));

        JsonDocument.Parse(json).RootElement.GetProperty("a\"b").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void Arguments_are_checked()
    {
        using var stream = new System.IO.MemoryStream();
        using var writer = new Utf8JsonWriter(stream);

        Should.Throw<ArgumentNullException>(() => WebhookJsonWriter.WriteDate(null!, default)).ParamName.ShouldBe("writer");
        Should.Throw<ArgumentNullException>(() => WebhookJsonWriter.WriteUri(writer, null!)).ParamName.ShouldBe("value");
        Should.Throw<ArgumentNullException>(() => WebhookJsonWriter.WriteArray<int>(writer, null!, static (_, _) => { })).ParamName.ShouldBe("items");
        Should.Throw<ArgumentNullException>(() => WebhookJsonWriter.WriteArray(writer, new[] { 1 }, null!)).ParamName.ShouldBe("writeItem");
        Should.Throw<ArgumentNullException>(() => WebhookJsonWriter.WriteMap<int>(writer, null!, static (_, _) => { })).ParamName.ShouldBe("map");
        Should.Throw<ArgumentNullException>(() => WebhookJsonWriter.WriteMap(writer, new Dictionary<string, int>(), null!)).ParamName.ShouldBe("writeValue");
    }
}
