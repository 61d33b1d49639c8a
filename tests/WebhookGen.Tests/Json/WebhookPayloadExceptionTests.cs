using System;
using Shouldly;
using WebhookGen.Json;
using Xunit;

namespace WebhookGen.Tests.Json;

public class WebhookPayloadExceptionTests
{
    [Fact]
    public void Path_and_reason_make_the_message()
    {
        var exception = new WebhookPayloadException("data.applianceID", "Expected a string but found a number.");

        exception.Path.ShouldBe("data.applianceID");
        exception.Reason.ShouldBe("Expected a string but found a number.");
        exception.Message.ShouldBe("'data.applianceID': Expected a string but found a number.");
    }

    [Fact]
    public void Empty_path_leaves_the_reason_as_the_message()
    {
        var exception = new WebhookPayloadException(string.Empty, "The body is empty.");

        exception.Path.ShouldBe(string.Empty);
        exception.Message.ShouldBe("The body is empty.");
    }

    [Fact]
    public void Standard_constructors_have_an_empty_path()
    {
        var plain = new WebhookPayloadException();
        plain.Path.ShouldBe(string.Empty);
        plain.Reason.ShouldBe("The body is invalid.");
        plain.Message.ShouldBe("The body is invalid.");

        var withMessage = new WebhookPayloadException("bad");
        withMessage.Path.ShouldBe(string.Empty);
        withMessage.Reason.ShouldBe("bad");
        withMessage.Message.ShouldBe("bad");

        var inner = new FormatException("inner");
        var withInner = new WebhookPayloadException("bad", inner);
        withInner.Path.ShouldBe(string.Empty);
        withInner.Reason.ShouldBe("bad");
        withInner.InnerException.ShouldBeSameAs(inner);
    }

    [Theory]
    [InlineData("", "data", "data")]
    [InlineData("applianceID", "data", "data.applianceID")]
    [InlineData("[2]", "items", "items[2]")]
    [InlineData("[2].id", "items", "items[2].id")]
    [InlineData("a.b", "c", "c.a.b")]
    public void Within_prefixes_a_property(string path, string property, string expected)
    {
        var within = new WebhookPayloadException(path, "reason").Within(property);

        within.Path.ShouldBe(expected);
        within.Reason.ShouldBe("reason");
        within.Message.ShouldBe($"'{expected}': reason");
    }

    [Theory]
    [InlineData("", 0, "[0]")]
    [InlineData("id", 2, "[2].id")]
    [InlineData("[1]", 2, "[2][1]")]
    [InlineData("[1].id", 3, "[3][1].id")]
    [InlineData("a.b", 10, "[10].a.b")]
    public void WithinItem_prefixes_an_index(string path, int index, string expected)
    {
        var within = new WebhookPayloadException(path, "reason").WithinItem(index);

        within.Path.ShouldBe(expected);
        within.Reason.ShouldBe("reason");
        within.Message.ShouldBe($"'{expected}': reason");
    }

    [Fact]
    public void Within_and_WithinItem_compose_from_the_inside_out()
    {
        var exception = WebhookJson.MissingProperty("id").WithinItem(2).Within("items").Within("data");

        exception.Path.ShouldBe("data.items[2].id");
        exception.Reason.ShouldBe("The property is required but missing.");
        exception.Message.ShouldBe("'data.items[2].id': The property is required but missing.");
    }

    [Fact]
    public void Within_leaves_the_original_unchanged()
    {
        var original = new WebhookPayloadException("id", "reason");

        _ = original.Within("data");
        _ = original.WithinItem(1);

        original.Path.ShouldBe("id");
        original.Message.ShouldBe("'id': reason");
    }
}
