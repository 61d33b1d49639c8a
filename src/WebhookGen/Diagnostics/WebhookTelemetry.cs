using System;
using System.Diagnostics;
using System.Globalization;

namespace WebhookGen.Diagnostics;

/// <summary>
/// The telemetry of one delivery: its span (null when nobody listens to the <see cref="ActivitySource"/>) and the tags its
/// measurements carry. Each outcome method records the delivery's one outcome on both. A value type, so that a delivery
/// nobody observes allocates nothing for it.
/// </summary>
internal readonly record struct WebhookTelemetry(WebhookMetrics Metrics, string Receiver, string? Event, Activity? Activity)
{
    /// <summary>
    /// Counts a delivery as received and starts its span, a child of the server's HTTP span. <c>eventName</c> is null on a
    /// route of several events, until the event is read.
    /// </summary>
    public static WebhookTelemetry Start(WebhookMetrics metrics, string receiver, string spanName, string? eventName)
    {
        if (metrics.Received.Enabled)
        {
            metrics.Received.Add(1, Tags(receiver, eventName));
        }

        var activity = WebhookMetrics.ActivitySource.StartActivity(ActivityKind.Internal, name: spanName);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(WebhookTags.Receiver, receiver);
            activity.SetTag(WebhookTags.Event, eventName);
        }

        return new WebhookTelemetry(metrics, receiver, eventName, activity);
    }

    /// <summary>
    /// The telemetry of one run of a queued delivery's handler by the inbox's worker: its own span (the request's ended when
    /// the delivery was stored), not counted as received again.
    /// </summary>
    public static WebhookTelemetry ForQueued(WebhookMetrics metrics, string receiver, string eventName)
    {
        var activity = WebhookMetrics.ActivitySource.StartActivity(ActivityKind.Internal, name: "webhookgen.inbox.run " + receiver);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(WebhookTags.Receiver, receiver);
            activity.SetTag(WebhookTags.Event, eventName);
        }

        return new WebhookTelemetry(metrics, receiver, eventName, activity);
    }

    /// <summary>
    /// The same delivery once its payload is read: the event and its ids. The ids go on the span only: a span describes one
    /// delivery, so an id there costs nothing in cardinality and lets a delivery be found from the sender's records; they are
    /// the sender's identifiers, already in the logs, never a secret or payload content.
    /// </summary>
    public WebhookTelemetry ForEvent(string eventName, string? eventId, string? deliveryId)
    {
        if (Activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag(WebhookTags.Event, eventName);
            activity.SetTag(WebhookTags.EventId, eventId is null ? null : Shorten(eventId));
            activity.SetTag(WebhookTags.DeliveryId, deliveryId is null || deliveryId == eventId ? null : Shorten(deliveryId));
        }

        return this with { Event = eventName };
    }

    /// <summary>The delivery was answered without calling the handler, for <paramref name="reason"/> (a <see cref="WebhookRejectionReason"/>).</summary>
    public void Rejected(string reason)
    {
        if (Metrics.Rejected.Enabled)
        {
            var tags = Tags(Receiver, Event);
            tags.Add(WebhookTags.RejectionReason, reason);
            Metrics.Rejected.Add(1, tags);
        }

        if (Activity is { } activity)
        {
            activity.SetTag(WebhookTags.Outcome, "rejected");
            activity.SetTag(WebhookTags.RejectionReason, reason);
            activity.SetStatus(ActivityStatusCode.Error, reason);
        }
    }

    /// <summary>Counts each member of the payload that drifts from the spec.</summary>
    public void Drifted(System.Collections.Generic.IReadOnlyList<PayloadDrift> drift)
    {
        if (!Metrics.PayloadDrift.Enabled)
        {
            return;
        }

        foreach (var item in drift)
        {
            var tags = Tags(Receiver, Event);
            tags.Add(WebhookTags.DriftKind, PayloadDriftNames.Of(item.Kind));
            tags.Add(WebhookTags.DriftMember, item.Path);
            Metrics.PayloadDrift.Add(1, tags);
        }
    }

    /// <summary>A repeat of a handled id, acknowledged without calling the handler. Not an error.</summary>
    public void Duplicate()
    {
        if (Metrics.Duplicates.Enabled)
        {
            Metrics.Duplicates.Add(1, Tags(Receiver, Event));
        }

        Activity?.SetTag(WebhookTags.Outcome, "duplicate");
    }

    /// <summary>Stored in the durable inbox for a background worker; answered 200.</summary>
    public void Queued()
    {
        if (Metrics.InboxEnqueued.Enabled)
        {
            Metrics.InboxEnqueued.Add(1, Tags(Receiver, Event));
        }

        Activity?.SetTag(WebhookTags.Outcome, "queued");
    }

    /// <summary>The same id was being handled; answered 409 for the sender to retry. Not an error.</summary>
    public void InProgress()
    {
        if (Metrics.InProgress.Enabled)
        {
            Metrics.InProgress.Add(1, Tags(Receiver, Event));
        }

        Activity?.SetTag(WebhookTags.Outcome, "in_progress");
    }

    /// <summary>The handler answered <paramref name="statusCode"/>: handled (2xx), failed (5xx) or refused (anything else).</summary>
    public void Answered(int statusCode)
    {
        if (statusCode >= 500)
        {
            Failed(statusCode.ToString(CultureInfo.InvariantCulture));
        }
        else if (statusCode is >= 200 and < 300)
        {
            if (Metrics.Handled.Enabled)
            {
                Metrics.Handled.Add(1, Tags(Receiver, Event));
            }

            Activity?.SetTag(WebhookTags.Outcome, "handled");
        }
        else
        {
            Rejected(WebhookRejectionReason.HandlerRefused);
        }
    }

    /// <summary>The handler threw (<paramref name="errorType"/> is the exception's type) or answered a 5xx (the status).</summary>
    public void Failed(string errorType)
    {
        if (Metrics.Failed.Enabled)
        {
            var tags = Tags(Receiver, Event);
            tags.Add(WebhookTags.ErrorType, errorType);
            Metrics.Failed.Add(1, tags);
        }

        if (Activity is { } activity)
        {
            activity.SetTag(WebhookTags.Outcome, "failed");
            activity.SetTag(WebhookTags.ErrorType, errorType);
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>Records how long the handler ran, since <paramref name="startTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void HandlerRan(long startTimestamp, string? errorType)
    {
        if (Metrics.HandlerDuration.Enabled)
        {
            var tags = Tags(Receiver, Event);
            if (errorType is not null)
            {
                tags.Add(WebhookTags.ErrorType, errorType);
            }

            Metrics.HandlerDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tags);
        }
    }

    /// <summary>The handler answered <paramref name="statusCode"/>: its duration recorded (with the status when a 5xx), its span closed.</summary>
    public void HandlerAnswered(Activity? handlerSpan, long startTimestamp, int statusCode)
    {
        HandlerRan(startTimestamp, statusCode >= 500 ? statusCode.ToString(CultureInfo.InvariantCulture) : null);
        handlerSpan?.SetTag(WebhookTags.StatusCode, statusCode).Dispose();
    }

    /// <summary>
    /// The handler threw: its duration, its span and the failure recorded by the exception's type only (its message is
    /// the handler's and may carry payload values).
    /// </summary>
    public void HandlerThrew(Activity? handlerSpan, long startTimestamp, Exception exception)
    {
        var errorType = exception.GetType().FullName ?? nameof(Exception);
        HandlerRan(startTimestamp, errorType);
        handlerSpan?.SetStatus(ActivityStatusCode.Error).SetTag(WebhookTags.ErrorType, errorType).Dispose();
        Failed(errorType);
    }

    /// <summary>Starts the span of the handler's call, a child of the delivery's; null when nobody listens.</summary>
    public Activity? StartHandler()
    {
        if (Activity is null)
        {
            return null;
        }

        var handler = WebhookMetrics.ActivitySource.StartActivity("webhookgen.handler", ActivityKind.Internal, Activity.Context);
        if (handler is { IsAllDataRequested: true })
        {
            handler.SetTag(WebhookTags.Receiver, Receiver);
            handler.SetTag(WebhookTags.Event, Event);
        }

        return handler;
    }

    /// <summary>Ends the delivery's span with the status it was answered (none for a run from the inbox).</summary>
    public void Stop(int? statusCode)
    {
        if (Activity is { } activity)
        {
            if (statusCode is { } status)
            {
                activity.SetTag(WebhookTags.StatusCode, status);
            }

            activity.Dispose();
        }
    }

    private static TagList Tags(string receiver, string? eventName)
    {
        var tags = new TagList { { WebhookTags.Receiver, receiver } };
        if (eventName is not null)
        {
            tags.Add(WebhookTags.Event, eventName);
        }

        return tags;
    }

    private static string Shorten(string id) => id.Length <= 100 ? id : id[..100] + "…";
}
