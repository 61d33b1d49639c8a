using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Emit;

/// <summary>
/// Splits the sample events' JSON into what they share: an object or array of some size that stands in two places or
/// more (GitHub's <c>repository</c>, <c>sender</c>, <c>installation</c> are in nearly every event) becomes one string
/// property, and every sample, and every such property, is written as a concatenation of literal text and properties.
/// Properties, not constants: the compiler would fold constants back into one literal per sample, and GitHub's samples
/// would again be 8 MB of strings in the assembly. Each is named after the property it first stands under.
/// </summary>
internal sealed class ExampleFragments
{
    /// <summary>Shorter values are written where they stand: a constant would not save much.</summary>
    private const int MinLength = 160;

    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly List<(string Name, string Json)> _constants = new();
    private readonly HashSet<string> _shared;
    private readonly HashSet<string> _usedNames;

    private ExampleFragments(HashSet<string> shared, IEnumerable<string> takenNames)
    {
        _shared = shared;
        _usedNames = new HashSet<string>(takenNames, StringComparer.Ordinal);
    }

    /// <summary>The constants, in the order first used.</summary>
    public IReadOnlyList<(string Name, string Json)> Constants => _constants;

    /// <summary>Finds what the samples share. <paramref name="takenNames"/> are the names the constants must not take.</summary>
    public static ExampleFragments For(IReadOnlyList<string> samples, IEnumerable<string> takenNames)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            var ends = Ends(sample);
            for (var start = 1; start < sample.Length; start++)
            {
                if (ends[start] - start + 1 >= MinLength)
                {
                    var text = sample.Substring(start, ends[start] - start + 1);
                    counts[text] = counts.TryGetValue(text, out var count) ? count + 1 : 1;
                }
            }
        }

        var shared = new HashSet<string>(counts.Where(c => c.Value > 1).Select(c => c.Key), StringComparer.Ordinal);

        // A value shared only inside one shared value stands in one place once that one is a constant: written where it stands.
        while (true)
        {
            var uses = new Dictionary<string, int>(StringComparer.Ordinal);
            var pending = new Queue<string>(samples);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (pending.Count > 0)
            {
                foreach (var (_, value) in Parts(pending.Dequeue(), shared).Where(p => p.Key is not null))
                {
                    uses[value] = uses.TryGetValue(value, out var use) ? use + 1 : 1;
                    if (seen.Add(value))
                    {
                        pending.Enqueue(value);
                    }
                }
            }

            if (shared.RemoveWhere(s => !uses.TryGetValue(s, out var use) || use < 2) == 0)
            {
                break;
            }
        }

        return new ExampleFragments(shared, takenNames);
    }

    /// <summary>A C# constant expression whose value is <paramref name="json"/>, naming the constants it uses.</summary>
    public string Expression(string json)
    {
        var pieces = new List<string>();
        var text = new StringBuilder();
        foreach (var (key, value) in Parts(json, _shared))
        {
            if (key is null)
            {
                text.Append(value);
                continue;
            }

            if (text.Length > 0)
            {
                pieces.Add(CSharp.Literal(text.ToString()));
                text.Clear();
            }

            pieces.Add(Name(key, value));
        }

        if (text.Length > 0 || pieces.Count == 0)
        {
            pieces.Add(CSharp.Literal(text.ToString()));
        }

        return string.Join(" + ", pieces);
    }

    private string Name(string key, string json)
    {
        if (_names.TryGetValue(json, out var name))
        {
            return name;
        }

        name = Identifiers.MakeUnique(Identifiers.ToPascalCase(key) + "Json", _usedNames);
        _names[json] = name;
        var index = _constants.Count;
        _constants.Add((name, string.Empty));
        _constants[index] = (name, Expression(json));
        return name;
    }

    /// <summary>
    /// The JSON as literal text (key null) and shared values inside it (key: the property it stands under, <c>Item</c> in
    /// an array); the value itself is never one of its parts.
    /// </summary>
    private static IEnumerable<(string? Key, string Value)> Parts(string json, HashSet<string> shared)
    {
        var ends = Ends(json);
        var from = 0;
        for (var start = 1; start < json.Length; start++)
        {
            if (ends[start] - start + 1 < MinLength)
            {
                continue;
            }

            var value = json.Substring(start, ends[start] - start + 1);
            if (!shared.Contains(value))
            {
                continue;
            }

            yield return (null, json.Substring(from, start - from));
            yield return ((string?)KeyBefore(json, start) ?? "Item", value);
            from = ends[start] + 1;
            start = ends[start];
        }

        yield return (null, json.Substring(from));
    }

    /// <summary>The property name just before a value (<c>"repository":{</c>); null for an item of an array.</summary>
    private static string? KeyBefore(string json, int start)
    {
        if (start < 3 || json[start - 1] != ':' || json[start - 2] != '"')
        {
            return null;
        }

        var open = json.LastIndexOf('"', start - 3);
        return open < 0 ? null : json.Substring(open + 1, start - 3 - open);
    }

    /// <summary>For each position where an object or array starts, where it ends; -1 elsewhere. The JSON is minified.</summary>
    private static int[] Ends(string json)
    {
        var ends = new int[json.Length];
        var open = new Stack<int>();
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            ends[i] = -1;
            var c = json[i];
            if (inString)
            {
                if (c == '\\' && i + 1 < json.Length)
                {
                    ends[++i] = -1;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    open.Push(i);
                    break;
                case '}' or ']' when open.Count > 0:
                    ends[open.Pop()] = i;
                    break;
            }
        }

        return ends;
    }
}
