using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace WebhookGen.Generator.Reading;

/// <summary>0-based line and column of a point in the spec text (columns count UTF-16 characters).</summary>
internal readonly record struct SourcePosition(int Line, int Column);

/// <summary>
/// Where each node of a spec's JSON tree starts (and ends) in the spec text, looked up by JSON pointer
/// (RFC 6901, without the leading '#': "" is the root, "/paths/~1events~1appliance~1create/post").
/// </summary>
/// <remarks>
/// The readers fill the map while they build the tree. Pointers are not built as strings then: each node is an
/// entry that knows its parent, and a pointer is resolved segment by segment on lookup. Nodes the reader
/// synthesised (copies made for YAML aliases and merge keys) have no entry of their own; <see cref="GetPositionOrNearest"/>
/// answers for them with their nearest recorded ancestor, which is where the alias or merge key is written.
/// </remarks>
internal sealed class SourcePositionMap
{
    /// <summary>The id a reader passes as parent when a node has no entry (it is inside a synthesised node).</summary>
    internal const int NoNode = -1;

    private readonly List<Entry> _entries = new List<Entry>();
    private readonly Dictionary<ChildKey, int> _children = new Dictionary<ChildKey, int>();

    /// <summary>The number of recorded nodes.</summary>
    public int Count => _entries.Count;

    /// <summary>The start of the node at <paramref name="jsonPointer"/>, if that exact node was recorded.</summary>
    public bool TryGetPosition(string jsonPointer, out SourcePosition position)
    {
        if (Resolve(jsonPointer, exact: true, out int node))
        {
            position = _entries[node].Start;
            return true;
        }

        position = default;
        return false;
    }

    /// <summary>
    /// The start of the node at <paramref name="jsonPointer"/>, or of its nearest recorded ancestor; the root's when
    /// nothing on the way matches, and (0, 0) when the map is empty.
    /// </summary>
    public SourcePosition GetPositionOrNearest(string jsonPointer)
    {
        Resolve(jsonPointer, exact: false, out int node);
        return node == NoNode ? default : _entries[node].Start;
    }

    /// <summary>The start of the property name whose value is at <paramref name="jsonPointer"/> (mapping values only).</summary>
    public bool TryGetKeyPosition(string jsonPointer, out SourcePosition position)
    {
        if (Resolve(jsonPointer, exact: true, out int node) && _entries[node].HasKey)
        {
            position = _entries[node].KeyStart;
            return true;
        }

        position = default;
        return false;
    }

    /// <summary>Start and end of the node at <paramref name="jsonPointer"/> (the end is just past the node's last character).</summary>
    public bool TryGetSpan(string jsonPointer, out SourcePosition start, out SourcePosition end)
    {
        if (Resolve(jsonPointer, exact: true, out int node))
        {
            Entry entry = _entries[node];
            start = entry.Start;
            end = entry.HasEnd ? entry.End : entry.Start;
            return true;
        }

        start = default;
        end = default;
        return false;
    }

    /// <summary>Escapes one reference token for a JSON pointer: '~' becomes "~0" and '/' becomes "~1".</summary>
    public static string EscapeToken(string token)
    {
        if (token.IndexOf('~') < 0 && token.IndexOf('/') < 0)
        {
            return token;
        }

        return token.Replace("~", "~0").Replace("/", "~1");
    }

    /// <summary>Records the root. Must be the first node recorded.</summary>
    internal int AddRoot(SourcePosition start, bool isArray)
    {
        if (_entries.Count != 0)
        {
            throw new InvalidOperationException("The root is already recorded.");
        }

        _entries.Add(new Entry(start, default, hasKey: false, isArray));
        return 0;
    }

    /// <summary>Records the value of property <paramref name="name"/> of the object <paramref name="parent"/>. A later duplicate key replaces the earlier one.</summary>
    internal int AddProperty(int parent, string name, SourcePosition keyStart, SourcePosition start, bool isArray)
    {
        if (parent == NoNode)
        {
            return NoNode;
        }

        int id = _entries.Count;
        _entries.Add(new Entry(start, keyStart, hasKey: true, isArray));
        _children[new ChildKey(parent, name, 0)] = id;
        return id;
    }

    /// <summary>
    /// Makes property <paramref name="alias"/> of the object at <paramref name="parentPointer"/> stand where its property
    /// <paramref name="name"/> stands, for a key the spec is read under but does not spell so.
    /// </summary>
    internal void AddAlias(string parentPointer, string name, string alias)
    {
        if (Resolve(parentPointer, exact: true, out int parent) && _children.TryGetValue(new ChildKey(parent, name, 0), out int node))
        {
            _children[new ChildKey(parent, alias, 0)] = node;
        }
    }

    /// <summary>Records item <paramref name="index"/> of the array <paramref name="parent"/>.</summary>
    internal int AddItem(int parent, int index, SourcePosition start, bool isArray)
    {
        if (parent == NoNode)
        {
            return NoNode;
        }

        int id = _entries.Count;
        _entries.Add(new Entry(start, default, hasKey: false, isArray));
        _children[new ChildKey(parent, null, index)] = id;
        return id;
    }

    /// <summary>Records where node <paramref name="node"/> ends.</summary>
    internal void SetEnd(int node, SourcePosition end)
    {
        if (node == NoNode)
        {
            return;
        }

        Entry entry = _entries[node];
        entry.End = end;
        entry.HasEnd = true;
        _entries[node] = entry;
    }

    private bool Resolve(string? jsonPointer, bool exact, out int node)
    {
        node = NoNode;
        if (_entries.Count == 0)
        {
            return false;
        }

        node = 0;
        string pointer = jsonPointer ?? string.Empty;
        int position = pointer.Length > 0 && pointer[0] == '#' ? 1 : 0;
        if (position == pointer.Length)
        {
            return true;
        }

        if (pointer[position] != '/')
        {
            return !exact;
        }

        StringBuilder? unescaped = null;
        while (position < pointer.Length)
        {
            // pointer[position] is the '/' that opens the next reference token.
            int start = position + 1;
            int end = pointer.IndexOf('/', start);
            if (end < 0)
            {
                end = pointer.Length;
            }

            string token = Unescape(pointer, start, end, ref unescaped);
            if (!TryGetChild(node, token, out int child))
            {
                return !exact;
            }

            node = child;
            position = end;
        }

        return true;
    }

    private bool TryGetChild(int parent, string token, out int child)
    {
        if (_entries[parent].IsArray)
        {
            if (!TryParseIndex(token, out int index))
            {
                child = NoNode;
                return false;
            }

            return _children.TryGetValue(new ChildKey(parent, null, index), out child);
        }

        return _children.TryGetValue(new ChildKey(parent, token, 0), out child);
    }

    private static string Unescape(string pointer, int start, int end, ref StringBuilder? buffer)
    {
        int tilde = pointer.IndexOf('~', start, end - start);
        if (tilde < 0)
        {
            return pointer.Substring(start, end - start);
        }

        buffer ??= new StringBuilder();
        buffer.Clear();
        for (int i = start; i < end; i++)
        {
            char c = pointer[i];
            if (c == '~' && i + 1 < end && (pointer[i + 1] == '0' || pointer[i + 1] == '1'))
            {
                buffer.Append(pointer[i + 1] == '0' ? '~' : '/');
                i++;
            }
            else
            {
                buffer.Append(c);
            }
        }

        return buffer.ToString();
    }

    private static bool TryParseIndex(string token, out int index)
    {
        index = 0;
        if (token.Length == 0 || (token.Length > 1 && token[0] == '0'))
        {
            return false;
        }

        foreach (char c in token)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }

    private struct Entry
    {
        public Entry(SourcePosition start, SourcePosition keyStart, bool hasKey, bool isArray)
        {
            Start = start;
            KeyStart = keyStart;
            HasKey = hasKey;
            IsArray = isArray;
            End = default;
            HasEnd = false;
        }

        public SourcePosition Start;
        public SourcePosition End;
        public SourcePosition KeyStart;
        public bool HasKey;
        public bool HasEnd;
        public bool IsArray;
    }

    /// <summary>A child of an entry: by property name for objects (<see cref="Name"/> set), by index for arrays.</summary>
    private readonly struct ChildKey : IEquatable<ChildKey>
    {
        public ChildKey(int parent, string? name, int index)
        {
            Parent = parent;
            Name = name;
            Index = index;
        }

        public int Parent { get; }

        public string? Name { get; }

        public int Index { get; }

        public bool Equals(ChildKey other) =>
            Parent == other.Parent && Index == other.Index && string.Equals(Name, other.Name, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is ChildKey other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                int hash = (Parent * 397) ^ Index;
                return Name is null ? hash : (hash * 31) ^ StringComparer.Ordinal.GetHashCode(Name);
            }
        }
    }
}
