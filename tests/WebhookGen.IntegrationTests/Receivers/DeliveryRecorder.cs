using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace WebhookGen.IntegrationTests.Receivers;

/// <summary>What a test handler does after recording a delivery.</summary>
public enum HandlerBehavior
{
    /// <summary>Answer <see cref="WebhookResult.Ok"/>.</summary>
    Ok,

    /// <summary>Throw <see cref="HandlerFailureException"/>.</summary>
    Throw,

    /// <summary>Answer <see cref="WebhookResult.RetryLater"/> with 30 seconds.</summary>
    RetryLater,

    /// <summary>Answer <c>default(WebhookResult)</c>, documented to mean <see cref="WebhookResult.Ok"/>.</summary>
    DefaultResult,
}

/// <summary>One call of a handler, copied out of the delivery while it was valid.</summary>
public sealed record Delivery(
    string Receiver,
    string Handler,
    string EventName,
    string ReceiverName,
    object Payload,
    string? EventId,
    string? DeliveryHeader,
    byte[] Body)
{
    /// <summary>The delivery's <see cref="WebhookContext.Drift"/>, as the handler saw it (recorded by the gridX receiver).</summary>
    public IReadOnlyList<PayloadDrift> Drift { get; init; } = [];

    /// <summary>The delivery's <see cref="WebhookContext.Attempt"/> (recorded by the gridX receiver).</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>The delivery's <see cref="WebhookContext.DeliveryId"/>, the sender's label (recorded by the style receivers).</summary>
    public string? DeliveryId { get; init; }

    /// <summary>Whether the handler ran inside the request (<see cref="WebhookContext.HttpContext"/> set) rather than from the inbox.</summary>
    public bool InRequest { get; init; } = true;
}

/// <summary>
/// A singleton each host registers and the receivers take through their constructor: every handler call lands here.
/// One per host, so tests that run in parallel never see each other's deliveries.
/// </summary>
public sealed class DeliveryRecorder
{
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private volatile HandlerBehavior _behavior;

    /// <summary>What the handlers do after recording.</summary>
    public HandlerBehavior Behavior
    {
        get => _behavior;
        set => _behavior = value;
    }

    /// <summary>The message of the exception handlers throw under <see cref="HandlerBehavior.Throw"/>.</summary>
    public string FailureMessage { get; set; } = "handler failure " + Guid.NewGuid().ToString("N");

    /// <summary>Every recorded call, in order.</summary>
    public IReadOnlyList<Delivery> Deliveries => _deliveries.ToArray();

    /// <summary>
    /// Called with each delivery right after it is recorded, on the handler's own call; <see langword="null"/> by default.
    /// An exception it throws is thrown by the handler, so a test can decide per delivery which ones fail.
    /// </summary>
    public Action<Delivery>? OnRecorded { get; set; }

    /// <summary>Records one call, then runs <see cref="OnRecorded"/>.</summary>
    public void Record(Delivery delivery)
    {
        _deliveries.Enqueue(delivery);
        OnRecorded?.Invoke(delivery);
    }
}

/// <summary>The exception a test handler throws on purpose.</summary>
public sealed class HandlerFailureException : Exception
{
    public HandlerFailureException()
    {
    }

    public HandlerFailureException(string message)
        : base(message)
    {
    }

    public HandlerFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
