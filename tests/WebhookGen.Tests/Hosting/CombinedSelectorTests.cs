using System;
using System.Text;
using Microsoft.AspNetCore.Http;
using Shouldly;
using WebhookGen.Hosting;
using Xunit;

namespace WebhookGen.Tests.Hosting;

/// <summary>A selector of several parts (GitHub: X-GitHub-Event + action) and the keys it looks an event up by.</summary>
public class CombinedSelectorTests
{
    private static readonly WebhookEventSelector GitHub =
        WebhookEventSelector.Combine(WebhookEventSelector.Header("X-GitHub-Event"), WebhookEventSelector.BodyProperty("action"));

    private static DefaultHttpContext Delivery(string? eventHeader)
    {
        var context = new DefaultHttpContext();
        if (eventHeader is not null)
        {
            context.Request.Headers["X-GitHub-Event"] = eventHeader;
        }

        return context;
    }

    [Fact]
    public void The_keys_are_the_exact_pair_then_the_pair_with_any_action()
    {
        GitHub.TryGetKeys(Delivery("issues"), Encoding.UTF8.GetBytes("""{"action":"opened","issue":{"action":"x"}}"""), out var keys).ShouldBeTrue();

        keys.ShouldBe([WebhookEventSelector.Key("issues", "opened"), WebhookEventSelector.Key("issues", "")]);
    }

    [Fact]
    public void A_delivery_without_the_body_part_looks_up_the_empty_part()
    {
        GitHub.TryGetKeys(Delivery("push"), Encoding.UTF8.GetBytes("""{"ref":"refs/heads/main"}"""), out var keys).ShouldBeTrue();

        keys[0].ShouldBe(WebhookEventSelector.Key("push", ""));
    }

    [Fact]
    public void A_body_that_is_not_an_object_names_no_event()
    {
        GitHub.TryGetKeys(Delivery("issues"), Encoding.UTF8.GetBytes("[1]"), out _).ShouldBeFalse();
    }

    [Fact]
    public void It_describes_itself_part_by_part()
    {
        GitHub.ToString().ShouldBe("header X-GitHub-Event + body property action");
        WebhookEventSelector.Display(WebhookEventSelector.Key("issues", "opened")).ShouldBe("issues.opened");
        WebhookEventSelector.Display(WebhookEventSelector.Key("push", "")).ShouldBe("push");
    }

    [Fact]
    public void It_takes_two_or_more_single_selectors()
    {
        Should.Throw<ArgumentException>(() => WebhookEventSelector.Combine(WebhookEventSelector.Header("X")));
        Should.Throw<ArgumentException>(() => WebhookEventSelector.Combine(GitHub, WebhookEventSelector.Header("X")));
    }
}
