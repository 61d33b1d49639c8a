using System.Text;
using Microsoft.AspNetCore.Http;
using Shouldly;
using WebhookGen.Hosting;
using Xunit;

namespace WebhookGen.Tests.Hosting;

public class WebhookEventSelectorTests
{
    [Theory]
    [InlineData("""{"type":"merchant.created","data":{"type":"nested"}}""", "merchant.created")]
    [InlineData("""{"data":{"type":"nested"},"type":"merchant.updated"}""", "merchant.updated")]
    [InlineData("""{"data":{"type":"nested"}}""", null)]
    [InlineData("""{"type":5}""", null)]
    [InlineData("""{"ty\u0070e":"escaped.name"}""", "escaped.name")]
    public void A_body_property_selector_reads_only_the_top_level_string(string body, string? expected)
    {
        var selector = WebhookEventSelector.BodyProperty("type");

        selector.TrySelect(new DefaultHttpContext(), Encoding.UTF8.GetBytes(body), out var value).ShouldBeTrue();
        value.ShouldBe(expected);
        selector.ToString().ShouldBe("body property type");
    }

    [Theory]
    [InlineData("""["type"]""")]
    [InlineData("""not json""")]
    [InlineData("")]
    [InlineData("""{"data":[1,2""")]
    public void A_body_that_is_not_a_json_object_names_no_event(string body)
    {
        WebhookEventSelector.BodyProperty("type").TrySelect(new DefaultHttpContext(), Encoding.UTF8.GetBytes(body), out var value).ShouldBeFalse();
        value.ShouldBeNull();
    }

    [Fact]
    public void A_header_selector_reads_the_header_and_treats_empty_as_none()
    {
        var selector = WebhookEventSelector.Header("X-GitHub-Event");
        var context = new DefaultHttpContext();

        selector.TrySelect(context, default, out var none).ShouldBeTrue();
        none.ShouldBeNull();
        context.Request.Headers["X-GitHub-Event"] = "";
        selector.TrySelect(context, default, out var empty).ShouldBeTrue();
        empty.ShouldBeNull();
        context.Request.Headers["X-GitHub-Event"] = "deployment";
        selector.TrySelect(context, default, out var value).ShouldBeTrue();
        value.ShouldBe("deployment");
        selector.ToString().ShouldBe("header X-GitHub-Event");
    }

    [Fact]
    public void A_selector_needs_a_name()
    {
        Should.Throw<System.ArgumentException>(() => WebhookEventSelector.Header(""));
        Should.Throw<System.ArgumentException>(() => WebhookEventSelector.BodyProperty(""));
    }
}
