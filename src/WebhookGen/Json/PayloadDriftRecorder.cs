using System;
using System.Collections.Generic;
using System.Text;

namespace WebhookGen.Json;

/// <summary>
/// The drift of one payload read, found by the reading primitives through <see cref="Current"/>: generated readers run
/// synchronously on one thread, so a thread-static scope reaches every primitive without a parameter in every generated
/// signature. Keeps the path of the member being read as a stack of wire names.
/// </summary>
internal sealed class PayloadDriftRecorder
{
    /// <summary>The most distinct drifts kept per payload; more are dropped (the paths are bounded by the spec, the count need not be).</summary>
    public const int MaxDrifts = 100;

    [ThreadStatic]
    private static PayloadDriftRecorder? t_current;

    /// <summary>A recorder whose read ended, kept for the thread's next read: one delivery after another allocates none.</summary>
    [ThreadStatic]
    private static PayloadDriftRecorder? t_spare;

    private readonly List<string> _path = [];
    private List<PayloadDrift>? _drifts;

    /// <summary>The recorder of the read in progress on this thread; null outside one (strict, nothing recorded).</summary>
    public static PayloadDriftRecorder? Current => t_current;

    /// <summary>Whether drift is read past (recorded) rather than thrown.</summary>
    public bool Tolerant { get; private set; }

    /// <summary>What was recorded, read-only (a handler sees it as <see cref="WebhookContext.Drift"/>); never reused by a later read.</summary>
    public IReadOnlyList<PayloadDrift> Drifts => _drifts is null ? [] : _drifts.AsReadOnly();

    /// <summary>Starts recording on this thread; <see cref="End"/> ends it and restores the previous recorder.</summary>
    public static PayloadDriftRecorder? Begin(bool tolerant, out PayloadDriftRecorder recorder)
    {
        var previous = t_current;
        recorder = t_spare ?? new PayloadDriftRecorder();
        t_spare = null;
        recorder.Tolerant = tolerant;
        t_current = recorder;
        return previous;
    }

    public static void End(PayloadDriftRecorder? previous)
    {
        if (t_current is { } ended)
        {
            // The drift list was handed out with the payload: the next read starts a list of its own.
            ended._drifts = null;
            ended._path.Clear();
            t_spare = ended;
        }

        t_current = previous;
    }

    /// <summary>Enters a member (its wire name), an array's items (<c>[]</c>) or a map's values (<c>*</c>).</summary>
    public void Enter(string segment) => _path.Add(segment);

    public void Exit() => _path.RemoveAt(_path.Count - 1);

    /// <summary>Records drift at the current path, or at its member <paramref name="name"/>; each (path, kind) once.</summary>
    public void Record(PayloadDriftKind kind, string? name)
    {
        var drift = new PayloadDrift(PathTo(name), kind);
        _drifts ??= [];
        if (_drifts.Count < MaxDrifts && !_drifts.Contains(drift))
        {
            _drifts.Add(drift);
        }
    }

    private string PathTo(string? name)
    {
        var path = new StringBuilder();
        foreach (var segment in _path)
        {
            Append(path, segment);
        }

        if (name is not null)
        {
            Append(path, name);
        }

        return path.ToString();
    }

    private static void Append(StringBuilder path, string segment)
    {
        if (path.Length > 0 && segment != "[]")
        {
            path.Append('.');
        }

        path.Append(segment);
    }
}
