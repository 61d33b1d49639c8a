using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Shouldly;
using WebhookGen.Json;
using Xunit;
using static WebhookGen.Tests.Json.TestPayloads;

namespace WebhookGen.Tests.Json;

public class WebhookJsonConverterTests
{
    private static JsonTypeInfo<Appliance> TypeInfo()
    {
        // As the generated serializer context does it: options whose resolver hands out value infos over the converter.
        var options = new JsonSerializerOptions { TypeInfoResolver = new Resolver() };
        return (JsonTypeInfo<Appliance>)options.GetTypeInfo(typeof(Appliance));
    }

    private sealed class Resolver : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
            type == typeof(Appliance)
                ? JsonMetadataServices.CreateValueInfo<Appliance>(options, new WebhookJsonConverter<Appliance>(ReadAppliance, WriteAppliance))
                : null;
    }

    [Fact]
    public void Read_uses_the_generated_reader()
    {
        var appliance = JsonSerializer.Deserialize("""{"power":3,"ignored":[1],"applianceID":"hp-1"}""", TypeInfo());

        appliance.ShouldBe(new Appliance("hp-1", 3));
    }

    [Fact]
    public void Payload_error_surfaces_as_JsonException_naming_the_property()
    {
        var exception = Should.Throw<JsonException>(() => JsonSerializer.Deserialize("""{"applianceID":"hp-1","power":"high"}""", TypeInfo()));

        exception.Message.ShouldContain("power");
        exception.Message.ShouldStartWith("'power': Expected a 32-bit integer but found a string.");
        var inner = exception.InnerException.ShouldBeOfType<WebhookPayloadException>();
        inner.Path.ShouldBe("power");
    }

    [Fact]
    public void Missing_property_surfaces_as_JsonException_naming_it()
    {
        var exception = Should.Throw<JsonException>(() => JsonSerializer.Deserialize("""{"power":1}""", TypeInfo()));

        exception.Message.ShouldStartWith("'applianceID': The property is required but missing.");
    }

    [Fact]
    public void Invalid_JSON_is_still_a_JsonException()
    {
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize("""{"applianceID":"hp-1",""", TypeInfo()));
    }

    [Fact]
    public void Read_works_from_bytes_and_streams()
    {
        var typeInfo = TypeInfo();

        JsonSerializer.Deserialize("""{"applianceID":"a","power":1}"""u8, typeInfo).ShouldBe(new Appliance("a", 1));
        using var stream = new System.IO.MemoryStream("""{"applianceID":"b","power":2,"extra":{"deep":[1,2,3]}}"""u8.ToArray());
        JsonSerializer.Deserialize(stream, typeInfo).ShouldBe(new Appliance("b", 2));
    }

    [Fact]
    public void Write_uses_the_generated_writer()
    {
        JsonSerializer.Serialize(new Appliance("hp-1", 3500), TypeInfo()).ShouldBe("""{"applianceID":"hp-1","power":3500}""");
    }

    [Fact]
    public void Write_and_Read_round_trip()
    {
        var typeInfo = TypeInfo();
        var value = new Appliance("wall-box \"2\"", -1);

        JsonSerializer.Deserialize(JsonSerializer.Serialize(value, typeInfo), typeInfo).ShouldBe(value);
    }

    [Fact]
    public void Constructor_checks_its_arguments()
    {
        Should.Throw<ArgumentNullException>(() => new WebhookJsonConverter<Appliance>(null!, WriteAppliance)).ParamName.ShouldBe("read");
        Should.Throw<ArgumentNullException>(() => new WebhookJsonConverter<Appliance>(ReadAppliance, null!)).ParamName.ShouldBe("write");
    }
}
