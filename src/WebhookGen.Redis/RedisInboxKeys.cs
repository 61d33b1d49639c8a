using StackExchange.Redis;

namespace WebhookGen.Redis;

/// <summary>
/// The inbox's keys, all under one hash tag (<c>{inbox}</c>, or the prefix's own) so that on a Redis Cluster they share
/// a slot: every script touches several of them.
/// </summary>
internal sealed class RedisInboxKeys(string prefix)
{
    /// <summary>The stream of ready and leased messages, read by the consumer group.</summary>
    public RedisKey Stream { get; } = prefix + "{inbox}";

    /// <summary>A sorted set of the stream's leased entry ids, scored by when their lease lapses (unix ms).</summary>
    public RedisKey Leases { get; } = prefix + "{inbox}:leases";

    /// <summary>A sorted set of the <see cref="Retries"/> entry ids, scored by when they are due (unix ms).</summary>
    public RedisKey Delayed { get; } = prefix + "{inbox}:delayed";

    /// <summary>The stream where retried messages wait, with their attempts and last error, until they are due.</summary>
    public RedisKey Retries { get; } = prefix + "{inbox}:retries";

    /// <summary>
    /// A sorted set of every pending message as <c>{received ticks, 19 digits}:{id}</c>, all scored 0: its first member,
    /// in lexical order, is the oldest.
    /// </summary>
    public RedisKey Received { get; } = prefix + "{inbox}:received";

    /// <summary>The stream of dead letters, oldest first.</summary>
    public RedisKey Dead { get; } = prefix + "{inbox}:dead";

    /// <summary>A hash from a dead letter's message id to its <see cref="Dead"/> entry id.</summary>
    public RedisKey DeadIds { get; } = prefix + "{inbox}:dead:ids";
}
