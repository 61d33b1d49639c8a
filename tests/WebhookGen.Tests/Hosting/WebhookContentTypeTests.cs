using Shouldly;
using WebhookGen.Hosting;
using Xunit;

namespace WebhookGen.Tests.Hosting;

public sealed class WebhookContentTypeTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("   ", true)]
    [InlineData("application/json", true)]
    [InlineData("Application/JSON", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("application/json; charset=UTF-8", true)]
    [InlineData("application/json;charset=utf-8", true)]
    [InlineData("application/json; charset=\"utf-8\"", true)]
    [InlineData("application/cloudevents+json", true)]
    [InlineData("application/cloudevents+json; charset=utf-8", true)]
    [InlineData("application/json; charset=utf-16", false)]
    [InlineData("application/json; charset=iso-8859-1", false)]
    [InlineData("application/jsonx", false)]
    [InlineData("application/json-patch", false)]
    [InlineData("text/json", false)]
    [InlineData("text/plain", false)]
    [InlineData("application/*", false)]
    [InlineData("application/x-www-form-urlencoded", false)]
    [InlineData("application/json, text/plain", false)]
    public void A_json_body_is_sent_as_json_in_utf8_or_without_a_media_type(string? contentType, bool accepted)
    {
        WebhookContentType.IsAcceptable(contentType).ShouldBe(accepted);
    }
}
