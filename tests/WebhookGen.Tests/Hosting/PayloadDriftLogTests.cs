using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;
using Shouldly;
using WebhookGen.Hosting;
using Xunit;

namespace WebhookGen.Tests.Hosting;

/// <summary>Each drift is logged once per (event, member path, kind), at Warning, within a capped memory.</summary>
public sealed class PayloadDriftLogTests
{
    private static readonly PayloadDrift Missing = new("pull_request.head.repo.has_discussions", PayloadDriftKind.MissingRequired);
    private static readonly PayloadDrift Seconds = new("installation.created_at", PayloadDriftKind.NonstandardDateTime);

    [Fact]
    public void A_drift_is_logged_once_per_event_member_and_kind()
    {
        var logger = new ListLogger();
        var log = new PayloadDriftLog(logger, "GitHubReceiver");

        log.Report("pull_request", [Missing, Seconds]);
        log.Report("pull_request", [Missing]);
        log.Report("pull_request", [Seconds, Missing]);
        log.Report("pull_request_review", [Missing]);
        log.Report("pull_request", [Missing with { Kind = PayloadDriftKind.NullValue }]);

        logger.Entries.Count.ShouldBe(4);
        logger.Entries.ShouldAllBe(entry => entry.Level == LogLevel.Warning && entry.Id == 9);
        logger.Entries[0].Message.ShouldBe(
            "GitHubReceiver read a delivery of pull_request that drifts from the spec at 'pull_request.head.repo.has_discussions': missing_required. Logged once per event, member and kind (see docs/drift.md)");
        logger.Entries[1].Message.ShouldContain("'installation.created_at': nonstandard_date_time");
        logger.Entries[2].Message.ShouldContain("of pull_request_review ");
        logger.Entries[3].Message.ShouldContain(": null_value.");
    }

    [Fact]
    public void Past_its_capacity_new_drift_is_no_longer_logged_and_that_is_said_once()
    {
        var logger = new ListLogger();
        var log = new PayloadDriftLog(logger, "R", capacity: 3);

        for (var i = 0; i < 10; i++)
        {
            log.Report("e", [new PayloadDrift("m" + i, PayloadDriftKind.WrongType)]);
        }

        log.Report("e", [new PayloadDrift("m0", PayloadDriftKind.WrongType)]);

        logger.Entries.Count(entry => entry.Id == 9).ShouldBe(3);
        logger.Entries.Where(entry => entry.Id == 10).ShouldHaveSingleItem().Message
            .ShouldBe("R has logged 3 distinct payload drifts; new ones are no longer logged, only counted (webhookgen.payload.drift)");
    }

    private sealed record Entry(LogLevel Level, int Id, string Message);

    private sealed class ListLogger : ILogger
    {
        public List<Entry> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add(new Entry(logLevel, eventId.Id, formatter(state, exception)));
    }
}
