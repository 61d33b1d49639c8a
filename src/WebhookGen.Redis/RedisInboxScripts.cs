namespace WebhookGen.Redis;

/// <summary>
/// The inbox's Lua scripts, each one atomic step. The leased scripts (Complete, Retry, DeadLetter) act only while the
/// lease still holds: the stream entry is pending for the lease's consumer with the lease's delivery count, which every
/// claim by another lease increments.
/// </summary>
internal static class RedisInboxScripts
{
    private const string Functions = """
        local function field(f, name)
          for i = 1, #f, 2 do if f[i] == name then return f[i + 1] end end
          return nil
        end

        -- f's name/value pairs but the dropped names, then the extra pairs.
        local function rewrite(f, drop, ...)
          local out = {}
          for i = 1, #f, 2 do
            if not drop[f[i]] then out[#out + 1] = f[i]; out[#out + 1] = f[i + 1] end
          end
          for _, v in ipairs({...}) do out[#out + 1] = v end
          return out
        end

        local function receivedMember(f) return field(f, 'received') .. ':' .. field(f, 'id') end

        local function ensureGroup(stream, group)
          if redis.call('EXISTS', stream) == 1 then
            for _, g in ipairs(redis.call('XINFO', 'GROUPS', stream)) do
              if field(g, 'name') == group then return end
            end
          end
          -- From the start, not '$': entries added before the group existed are still to be read.
          redis.call('XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM')
        end

        -- KEYS[1] stream, KEYS[2] leases; ARGV[1] group, ARGV[2] entry id, ARGV[3] delivery count, ARGV[4] consumer.
        -- The entry's fields while the lease holds, else nil. A missing group or a malformed id is not held either.
        local function held()
          local p = redis.pcall('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1)
          if p.err or not p[1] or p[1][2] ~= ARGV[4] or p[1][4] ~= tonumber(ARGV[3]) then return nil end
          local r = redis.call('XRANGE', KEYS[1], ARGV[2], ARGV[2])
          return r[1] and r[1][2]
        end

        local function release()
          redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
          redis.call('XDEL', KEYS[1], ARGV[2])
          redis.call('ZREM', KEYS[2], ARGV[2])
        end

        -- Attempts so far: those before the entry was added, and this entry's deliveries.
        local function attempts(f) return tostring((tonumber(field(f, 'attempts')) or 0) + tonumber(ARGV[3])) end

        """;

    /// <summary>KEYS: stream, received. ARGV: group, received member, then the entry's name/value pairs.</summary>
    public const string Enqueue = Functions + """
        ensureGroup(KEYS[1], ARGV[1])
        redis.call('XADD', KEYS[1], '*', unpack(ARGV, 3))
        redis.call('ZADD', KEYS[2], 0, ARGV[2])
        return 1
        """;

    /// <summary>
    /// KEYS: stream, leases, delayed, retries. ARGV: group, consumer, max count, now (unix ms), lease end (unix ms), idle
    /// time after which a consumer with nothing pending is removed (ms; 0 to skip). Returns {entry id, delivery count,
    /// fields} per lease: lapsed leases claimed first, then due retries moved to the stream, then new entries.
    /// </summary>
    public const string Lease = Functions + """
        local group, consumer, want, now, lapses = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4], ARGV[5]
        ensureGroup(KEYS[1], group)
        local out = {}

        -- XCLAIM rather than XAUTOCLAIM: a lease lapses by its own holder's duration, not by the claimer's.
        for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, want)) do
          local claimed = redis.call('XCLAIM', KEYS[1], group, consumer, 0, id)
          if claimed[1] then
            local p = redis.call('XPENDING', KEYS[1], group, id, id, 1)
            out[#out + 1] = {id, p[1][4], claimed[1][2]}
            redis.call('ZADD', KEYS[2], lapses, id)
          else
            redis.call('ZREM', KEYS[2], id)
          end
        end

        for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'LIMIT', 0, want)) do
          local r = redis.call('XRANGE', KEYS[4], id, id)
          if r[1] then
            redis.call('XADD', KEYS[1], '*', unpack(r[1][2]))
            redis.call('XDEL', KEYS[4], id)
          end
          redis.call('ZREM', KEYS[3], id)
        end

        if #out < want then
          local read = redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', want - #out, 'STREAMS', KEYS[1], '>')
          if read then
            for _, e in ipairs(read[1][2]) do
              out[#out + 1] = {e[1], 1, e[2]}
              redis.call('ZADD', KEYS[2], lapses, e[1])
            end
          end
        end

        -- Every instance's worker is a consumer of its own name: those of stopped instances are forgotten.
        local idle = tonumber(ARGV[6])
        if idle > 0 then
          for _, c in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], group)) do
            local name = field(c, 'name')
            if field(c, 'pending') == 0 and field(c, 'idle') > idle and name ~= consumer then
              redis.call('XGROUP', 'DELCONSUMER', KEYS[1], group, name)
            end
          end
        end

        return out
        """;

    /// <summary>KEYS: stream, leases, received. ARGV: group, entry id, delivery count, consumer. 1 when completed, 0 when not held.</summary>
    public const string Complete = Functions + """
        local f = held()
        if not f then return 0 end
        release()
        redis.call('ZREM', KEYS[3], receivedMember(f))
        return 1
        """;

    /// <summary>
    /// KEYS: stream, leases, delayed, retries. ARGV: group, entry id, delivery count, consumer, due (unix ms), reason.
    /// The entry moves to the retries stream with its attempts and the reason as its last error.
    /// </summary>
    public const string Retry = Functions + """
        local f = held()
        if not f then return 0 end
        release()
        local kept = rewrite(f, {attempts = true, error = true}, 'attempts', attempts(f), 'error', ARGV[6])
        redis.call('ZADD', KEYS[3], ARGV[5], redis.call('XADD', KEYS[4], '*', unpack(kept)))
        return 1
        """;

    /// <summary>KEYS: stream, leases, received, dead, dead ids. ARGV: group, entry id, delivery count, consumer, reason, dead-at ticks.</summary>
    public const string DeadLetter = Functions + """
        local f = held()
        if not f then return 0 end
        release()
        redis.call('ZREM', KEYS[3], receivedMember(f))
        local id = field(f, 'id')
        local previous = redis.call('HGET', KEYS[5], id)
        if previous then redis.call('XDEL', KEYS[4], previous) end
        local kept = rewrite(f, {attempts = true, error = true}, 'attempts', attempts(f), 'reason', ARGV[5], 'deadAt', ARGV[6])
        redis.call('HSET', KEYS[5], id, redis.call('XADD', KEYS[4], '*', unpack(kept)))
        return 1
        """;

    /// <summary>KEYS: stream, received, dead, dead ids. ARGV: group, message id. 1 when replayed, 0 when no dead letter has the id.</summary>
    public const string Replay = Functions + """
        local deadId = redis.call('HGET', KEYS[4], ARGV[2])
        if not deadId then return 0 end
        redis.call('HDEL', KEYS[4], ARGV[2])
        local r = redis.call('XRANGE', KEYS[3], deadId, deadId)
        if not r[1] then return 0 end
        redis.call('XDEL', KEYS[3], deadId)
        local f = r[1][2]
        ensureGroup(KEYS[1], ARGV[1])
        redis.call('XADD', KEYS[1], '*', unpack(rewrite(f, {attempts = true, error = true, reason = true, deadAt = true})))
        redis.call('ZADD', KEYS[2], 0, receivedMember(f))
        return 1
        """;

    /// <summary>KEYS: stream, delayed, received, dead. Returns {pending, oldest received member or nil, dead letters}.</summary>
    public const string Stats = """
        local pending = redis.call('XLEN', KEYS[1]) + redis.call('ZCARD', KEYS[2])
        local oldest = redis.call('ZRANGE', KEYS[3], 0, 0)
        return {pending, oldest[1] or false, redis.call('XLEN', KEYS[4])}
        """;
}
