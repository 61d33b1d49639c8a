using System;
using Shouldly;
using Xunit;

namespace WebhookGen.Tests;

public class WebhookResultTests
{
    [Fact]
    public void Ok_is_200_without_Retry_After()
    {
        var result = WebhookResult.Ok();

        result.StatusCode.ShouldBe(200);
        result.RetryAfter.ShouldBeNull();
    }

    [Fact]
    public void Default_is_the_same_as_Ok()
    {
        default(WebhookResult).StatusCode.ShouldBe(200);
        default(WebhookResult).ShouldBe(WebhookResult.Ok());
    }

    [Fact]
    public void RetryLater_is_503_without_Retry_After_by_default()
    {
        var result = WebhookResult.RetryLater();

        result.StatusCode.ShouldBe(503);
        result.RetryAfter.ShouldBeNull();
    }

    [Fact]
    public void RetryLater_carries_the_delay()
    {
        var result = WebhookResult.RetryLater(TimeSpan.FromSeconds(30));

        result.StatusCode.ShouldBe(503);
        result.RetryAfter.ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void RetryLater_accepts_zero()
    {
        WebhookResult.RetryLater(TimeSpan.Zero).RetryAfter.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void RetryLater_rejects_a_negative_delay()
    {
        var exception = Should.Throw<ArgumentOutOfRangeException>(() => WebhookResult.RetryLater(TimeSpan.FromTicks(-1)));

        exception.ParamName.ShouldBe("retryAfter");
        exception.ActualValue.ShouldBe(TimeSpan.FromTicks(-1));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(202)]
    [InlineData(204)]
    [InlineData(410)]
    [InlineData(599)]
    public void Status_gives_any_HTTP_status(int statusCode)
    {
        var result = WebhookResult.Status(statusCode);

        result.StatusCode.ShouldBe(statusCode);
        result.RetryAfter.ShouldBeNull();
    }

    [Theory]
    [InlineData(99)]
    [InlineData(600)]
    [InlineData(0)]
    [InlineData(-200)]
    [InlineData(int.MaxValue)]
    public void Status_rejects_what_is_not_an_HTTP_status(int statusCode)
    {
        var exception = Should.Throw<ArgumentOutOfRangeException>(() => WebhookResult.Status(statusCode));

        exception.ParamName.ShouldBe("statusCode");
        exception.ActualValue.ShouldBe(statusCode);
    }

    [Fact]
    public void Results_compare_by_value()
    {
        WebhookResult.Status(200).ShouldBe(WebhookResult.Ok());
        WebhookResult.Status(503).ShouldBe(WebhookResult.RetryLater());
        WebhookResult.RetryLater(TimeSpan.FromSeconds(1)).ShouldNotBe(WebhookResult.RetryLater());
        WebhookResult.Status(410).ShouldNotBe(WebhookResult.Ok());
    }
}
