using System;
using System.Linq;
using Shouldly;
using WebhookGen.Inbox;
using Xunit;

namespace WebhookGen.Tests.Inbox;

/// <summary>What one run of a queued handler leads to: completion, a retry after a jittered backoff, or a dead letter.</summary>
public sealed class WebhookInboxOutcomeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    private static WebhookInboxOptions Options(int maxAttempts = 5) => new()
    {
        MaxAttempts = maxAttempts,
        FirstRetryDelay = TimeSpan.FromSeconds(10),
        MaxRetryDelay = TimeSpan.FromSeconds(60),
    };

    [Fact]
    public void A_2xx_completes()
    {
        WebhookInboxOutcome.Of(WebhookResult.Ok(), 1, Options(), Now).Kind.ShouldBe(WebhookInboxOutcomeKind.Complete);
        WebhookInboxOutcome.Of(WebhookResult.Status(204), 1, Options(), Now).Kind.ShouldBe(WebhookInboxOutcomeKind.Complete);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(408)]
    [InlineData(429)]
    public void A_5xx_a_timeout_or_too_many_requests_is_retried_until_the_last_attempt(int status)
    {
        var retry = WebhookInboxOutcome.Of(WebhookResult.Status(status), 2, Options(), Now);
        retry.Kind.ShouldBe(WebhookInboxOutcomeKind.Retry);
        retry.Reason.ShouldBe("answered " + status);

        var last = WebhookInboxOutcome.Of(WebhookResult.Status(status), 5, Options(), Now);
        last.Kind.ShouldBe(WebhookInboxOutcomeKind.DeadLetter);
        last.Reason.ShouldBe("answered " + status);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(410)]
    [InlineData(422)]
    [InlineData(302)]
    public void Any_other_answer_is_a_refusal_and_a_dead_letter_at_once(int status) =>
        WebhookInboxOutcome.Of(WebhookResult.Status(status), 1, Options(), Now).Kind.ShouldBe(WebhookInboxOutcomeKind.DeadLetter);

    [Fact]
    public void A_longer_retry_later_delay_is_honoured_and_a_shorter_one_gives_way_to_the_backoff()
    {
        WebhookInboxOutcome.Of(WebhookResult.RetryLater(TimeSpan.FromMinutes(30)), 1, Options(), Now).NotBefore.ShouldBe(Now + TimeSpan.FromMinutes(30));

        var shortAsk = WebhookInboxOutcome.Of(WebhookResult.RetryLater(TimeSpan.FromMilliseconds(1)), 1, Options(), Now);
        (shortAsk.NotBefore - Now).ShouldBeInRange(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void An_exception_is_retried_by_its_type_and_given_up_on_the_last_attempt()
    {
        var retry = WebhookInboxOutcome.Of(new TimeoutException("secret value"), 1, Options(), Now);
        retry.Kind.ShouldBe(WebhookInboxOutcomeKind.Retry);
        retry.Reason.ShouldBe("threw System.TimeoutException", "the type only: the message may carry payload values");

        WebhookInboxOutcome.Of(new TimeoutException(), 5, Options(), Now).Kind.ShouldBe(WebhookInboxOutcomeKind.DeadLetter);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(4, 60)]
    [InlineData(40, 60)]
    public void The_backoff_doubles_up_to_the_maximum_and_is_jittered_between_half_and_all_of_it(int attempt, int ceilingSeconds)
    {
        var delays = Enumerable.Range(0, 200).Select(_ => WebhookInboxOutcome.Backoff(attempt, Options())).ToList();

        delays.ShouldAllBe(delay => delay >= TimeSpan.FromSeconds(ceilingSeconds / 2.0) && delay <= TimeSpan.FromSeconds(ceilingSeconds));
        delays.Distinct().Count().ShouldBeGreaterThan(100, "jittered, not one value");
    }
}
