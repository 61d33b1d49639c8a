using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace WebhookGen.Generator.Reading;

/// <summary>
/// Converts the first document of a YAML stream into a JSON tree, recording where each node is.
/// </summary>
/// <remarks>
/// Works on YamlDotNet's event stream (<see cref="Parser"/>), without building its representation model. Mapping
/// keys are strings (a later duplicate key wins); anchors and aliases are resolved by copying the anchored node;
/// merge keys (<c>&lt;&lt;: *a</c>, <c>&lt;&lt;: [*a, *b]</c>) add the keys the mapping does not have itself, earlier
/// sources first. The number of nodes produced is capped, so that an alias bomb is an error, not an exhausted
/// memory. Scalars are typed by <see cref="YamlScalarResolver"/>.
/// </remarks>
internal static class YamlToJsonConverter
{
    /// <summary>The most nodes a document may expand to (aliases and merge keys count the nodes they copy).</summary>
    internal const int DefaultMaxNodeCount = 5_000_000;

    /// <summary>How many times <see cref="YamlBlockScalarRepair"/> may repair the text and retry.</summary>
    private const int MaxRepairs = 64;

    private const int EventsBetweenCancellationChecks = 1024;

    public static SpecTextReadResult Convert(string text, CancellationToken cancellationToken) =>
        Convert(text, DefaultMaxNodeCount, cancellationToken);

    internal static SpecTextReadResult Convert(string text, int maxNodeCount, CancellationToken cancellationToken)
    {
        string current = text;
        int repairs = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var builder = new Builder(current, maxNodeCount, cancellationToken);
            try
            {
                return builder.Run();
            }
            catch (YamlException ex) when (repairs < MaxRepairs && YamlBlockScalarRepair.TryRepair(current, ex, out string repaired))
            {
                current = repaired;
                repairs++;
            }
            catch (YamlException ex)
            {
                var stop = ToPosition(ex.Start);
                return YamlIndentationSlip.Find(current, ex.Message, stop) is { } slip
                    ? SpecTextReadResult.Failure(slip.Message, slip.Position, isYaml: true)
                    : SpecTextReadResult.Failure(ex.Message, stop, isYaml: true);
            }
            catch (ConversionException ex)
            {
                return SpecTextReadResult.Failure(ex.Message, ToPosition(ex.Mark), isYaml: true);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
#pragma warning disable CA1031 // YamlDotNet throws a few exceptions of its own instead of a YamlException; they are the spec's problem too.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                // An unclosed flow collection at the end of the text makes the parser throw InvalidOperationException,
                // with no position: point at the innermost flow collection still open, else where parsing stopped.
                return SpecTextReadResult.Failure(
                    "The YAML parser failed (" + ex.GetType().Name + ": " + ex.Message + ") " + (builder.OpenFlowCollection is null ? "after this point" : "inside the flow collection that starts here; is a ']' or '}' missing?"),
                    ToPosition(builder.OpenFlowCollection ?? builder.LastMark),
                    isYaml: true);
            }
        }
    }

    internal static SourcePosition ToPosition(Mark mark) =>
        new SourcePosition(ToZeroBased(mark.Line), ToZeroBased(mark.Column));

    private static int ToZeroBased(long oneBased) =>
        oneBased <= 1 ? 0 : oneBased > int.MaxValue ? int.MaxValue : (int)(oneBased - 1);

    /// <summary>A document that YAML accepts but that has no JSON tree (or too large a one).</summary>
    private sealed class ConversionException : Exception
    {
        public ConversionException(string message, Mark mark)
            : base(message)
        {
            Mark = mark;
        }

        public Mark Mark { get; }
    }

    private enum FrameKind
    {
        /// <summary>A mapping in the tree.</summary>
        Mapping,

        /// <summary>A sequence in the tree.</summary>
        Sequence,

        /// <summary>A mapping written as the value of a merge key (or in its list): not in the tree itself.</summary>
        MergeSource,

        /// <summary>A sequence written as the value of a merge key: its items are merge sources.</summary>
        MergeList,
    }

    /// <summary>A mapping or sequence being read.</summary>
    private sealed class Frame
    {
        public FrameKind Kind;
        public JsonObject? Object;
        public JsonArray? Array;
        public int Id;
        public string? Anchor;
        public long NodeCountBefore;
        public int Height;

        // Mappings: the key read, waiting for its value.
        public bool HasPendingKey;
        public string? PendingKey;
        public SourcePosition PendingKeyPosition;
        public bool PendingIsMerge;
        public List<MergeSource>? MergeSources;

        // Sequences: the index of the next item.
        public int NextIndex;

        /// <summary>Where a flow collection (<c>[...]</c>, <c>{...}</c>) starts; null for a block one.</summary>
        public Mark? FlowStart;

        public bool IsMappingLike => Kind == FrameKind.Mapping || Kind == FrameKind.MergeSource;

        public bool ExpectsKey => IsMappingLike && !HasPendingKey;

        public void ClearPendingKey()
        {
            HasPendingKey = false;
            PendingKey = null;
            PendingIsMerge = false;
        }
    }

    /// <summary>A mapping whose entries a merge key adds, and the height of its deepest entry.</summary>
    private readonly struct MergeSource
    {
        public MergeSource(JsonObject mapping, int entryHeight)
        {
            Mapping = mapping;
            EntryHeight = entryHeight;
        }

        public JsonObject Mapping { get; }

        public int EntryHeight { get; }
    }

    /// <summary>A node an alias can refer to. <see cref="Node"/> is never placed in the tree again, only copies of it.</summary>
    private sealed class Anchor
    {
        public Anchor(JsonNode? node, long size, int height, string? scalarText)
        {
            Node = node;
            Size = size;
            Height = height;
            ScalarText = scalarText;
        }

        public JsonNode? Node { get; }

        /// <summary>The number of nodes a copy adds.</summary>
        public long Size { get; }

        /// <summary>The nesting depth a copy adds (0 for a scalar).</summary>
        public int Height { get; }

        /// <summary>The scalar's text as written, when the anchored node is a scalar (for an alias used as a key).</summary>
        public string? ScalarText { get; }
    }

    private sealed class Builder
    {
        private const string MergeValueMessage =
            "The value of a merge key ('<<') must be a mapping, an alias to a mapping, or a sequence of those.";

        private readonly Parser _parser;
        private readonly int _maxNodeCount;
        private readonly CancellationToken _cancellationToken;
        private readonly YamlScalarResolver _resolver = new YamlScalarResolver();
        private readonly SourcePositionMap _positions = new SourcePositionMap();
        private readonly Dictionary<string, Anchor> _anchors = new Dictionary<string, Anchor>(StringComparer.Ordinal);
        private readonly List<Frame> _stack = new List<Frame>();
        private long _nodeCount;
        private JsonNode? _root;
        private bool _rootDone;
        private Mark _rootMark;

        public Builder(string text, int maxNodeCount, CancellationToken cancellationToken)
        {
            _parser = new Parser(new StringReader(text));
            _maxNodeCount = maxNodeCount;
            _cancellationToken = cancellationToken;
        }

        private Frame? Top => _stack.Count == 0 ? null : _stack[_stack.Count - 1];

        /// <summary>The end of the last event the parser produced.</summary>
        public Mark LastMark { get; private set; }

        /// <summary>The start of the innermost flow collection not closed yet, if any.</summary>
        public Mark? OpenFlowCollection
        {
            get
            {
                for (int i = _stack.Count - 1; i >= 0; i--)
                {
                    if (_stack[i].FlowStart is { } start)
                    {
                        return start;
                    }
                }

                return null;
            }
        }

        public SpecTextReadResult Run()
        {
            if (!SkipToFirstDocument())
            {
                return SpecTextReadResult.Failure("The spec is empty.", default, isYaml: true);
            }

            int events = 0;
            while (!_rootDone)
            {
                if (++events % EventsBetweenCancellationChecks == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                if (!_parser.MoveNext())
                {
                    throw new ConversionException("The YAML stream ended inside a document.", default);
                }

                LastMark = _parser.Current!.End;

                switch (_parser.Current)
                {
                    case Scalar scalar:
                        OnScalar(scalar);
                        break;
                    case AnchorAlias alias:
                        OnAlias(alias);
                        break;
                    case MappingStart mappingStart:
                        OnContainerStart(mappingStart, isSequence: false);
                        break;
                    case SequenceStart sequenceStart:
                        OnContainerStart(sequenceStart, isSequence: true);
                        break;
                    case MappingEnd _:
                    case SequenceEnd _:
                        OnContainerEnd(_parser.Current!);
                        break;
                    case DocumentEnd documentEnd:
                        // Only reached with no root node, which the parser does not produce; be safe anyway.
                        throw new ConversionException("The spec is empty.", documentEnd.Start);
                    default:
                        // Comments: nothing to do.
                        break;
                }
            }

            if (_root is null)
            {
                return SpecTextReadResult.Failure("The spec is empty.", ToPosition(_rootMark), isYaml: true);
            }

            return SpecTextReadResult.Success(_root, _positions, isYaml: true);
        }

        /// <summary>Moves past the stream and document starts; false when the stream has no document.</summary>
        private bool SkipToFirstDocument()
        {
            while (_parser.MoveNext())
            {
                switch (_parser.Current)
                {
                    case DocumentStart _:
                        return true;
                    case StreamEnd _:
                        return false;
                    default:
                        break;
                }
            }

            return false;
        }

        private void OnScalar(Scalar scalar)
        {
            Frame? top = Top;
            if (top is not null && top.ExpectsKey)
            {
                // Keys are strings, whatever they look like: 200 and "200" are both "200".
                string key = scalar.Value;
                if (!scalar.Anchor.IsEmpty)
                {
                    _anchors[scalar.Anchor.Value] = new Anchor(JsonValue.Create(key), 1, 0, key);
                }

                SetPendingKey(top, key, scalar.Start, isMerge: scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty && key == "<<");
                return;
            }

            if (top is not null && (top.Kind == FrameKind.MergeList || top.PendingIsMerge))
            {
                throw new ConversionException(MergeValueMessage, scalar.Start);
            }

            AddNodes(1, scalar.Start);
            if (!_resolver.TryResolve(scalar, out JsonNode? value, out string? error))
            {
                throw new ConversionException(error!, scalar.Start);
            }

            int id = Attach(value, scalar.Start, isArray: false, height: 0);
            _positions.SetEnd(id, ToPosition(scalar.End));
            if (!scalar.Anchor.IsEmpty)
            {
                _anchors[scalar.Anchor.Value] = new Anchor(value, 1, 0, scalar.Value);
            }
        }

        private void OnAlias(AnchorAlias alias)
        {
            string name = alias.Value.Value;
            if (!_anchors.TryGetValue(name, out Anchor? anchor))
            {
                throw new ConversionException($"The alias '*{name}' refers to no anchor defined before it.", alias.Start);
            }

            Frame? top = Top;
            if (top is not null && top.ExpectsKey)
            {
                if (anchor.ScalarText is null)
                {
                    throw new ConversionException($"The alias '*{name}' is used as a mapping key but refers to a mapping or sequence; keys must be scalars.", alias.Start);
                }

                SetPendingKey(top, anchor.ScalarText, alias.Start, isMerge: false);
                return;
            }

            if (top is not null && (top.Kind == FrameKind.MergeList || top.PendingIsMerge))
            {
                // A merge source is only read: its entries are copied into the mapping when the mapping ends.
                AddNodes(anchor.Size, alias.Start);
                if (anchor.Node is JsonObject source)
                {
                    AddMergeSources(top, new[] { new MergeSource(source, anchor.Height - 1) });
                    return;
                }

                if (top.Kind != FrameKind.MergeList && anchor.Node is JsonArray list && AllObjects(list))
                {
                    var sources = new List<MergeSource>(list.Count);
                    foreach (JsonNode? item in list)
                    {
                        sources.Add(new MergeSource((JsonObject)item!, anchor.Height - 2));
                    }

                    AddMergeSources(top, sources);
                    return;
                }

                throw new ConversionException(MergeValueMessage, alias.Start);
            }

            AddNodes(anchor.Size, alias.Start);
            CheckDepth(_stack.Count + anchor.Height, alias.Start);
            JsonNode? copy = anchor.Node?.DeepClone();
            int id = Attach(copy, alias.Start, isArray: copy is JsonArray, height: anchor.Height);
            _positions.SetEnd(id, ToPosition(alias.End));
        }

        private void OnContainerStart(NodeEvent start, bool isSequence)
        {
            Frame? top = Top;
            if (top is not null && top.ExpectsKey)
            {
                throw new ConversionException("A mapping or sequence used as a mapping key has no JSON form; keys must be scalars.", start.Start);
            }

            AddNodes(1, start.Start);
            CheckDepth(_stack.Count + 1, start.Start);
            var frame = new Frame
            {
                NodeCountBefore = _nodeCount - 1,
                Anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value,
                Id = SourcePositionMap.NoNode,
                FlowStart = start is MappingStart { Style: MappingStyle.Flow } || start is SequenceStart { Style: SequenceStyle.Flow } ? start.Start : null,
            };

            bool inMerge = top is not null && (top.Kind == FrameKind.MergeList || top.PendingIsMerge);
            if (inMerge)
            {
                if (isSequence && top!.Kind == FrameKind.MergeList)
                {
                    throw new ConversionException(MergeValueMessage, start.Start);
                }

                frame.Kind = isSequence ? FrameKind.MergeList : FrameKind.MergeSource;
                frame.Object = isSequence ? null : new JsonObject();
            }
            else if (isSequence)
            {
                frame.Kind = FrameKind.Sequence;
                frame.Array = new JsonArray();
                frame.Id = Attach(frame.Array, start.Start, isArray: true, height: -1);
            }
            else
            {
                frame.Kind = FrameKind.Mapping;
                frame.Object = new JsonObject();
                frame.Id = Attach(frame.Object, start.Start, isArray: false, height: -1);
            }

            _stack.Add(frame);
        }

        private void OnContainerEnd(ParsingEvent end)
        {
            Frame frame = _stack[_stack.Count - 1];
            _stack.RemoveAt(_stack.Count - 1);
            if (frame.MergeSources is not null && frame.Kind != FrameKind.MergeList)
            {
                foreach (MergeSource source in frame.MergeSources)
                {
                    frame.Height = Math.Max(frame.Height, source.EntryHeight);
                }

                CheckDepth(_stack.Count + frame.Height + 1, end.Start);
                ApplyMerges(frame.Object!, frame.MergeSources);
            }

            _positions.SetEnd(frame.Id, ToPosition(end.End));
            int height = frame.Height + 1;
            long size = _nodeCount - frame.NodeCountBefore;
            JsonNode? node = (JsonNode?)frame.Object ?? frame.Array;
            if (frame.Anchor is not null && node is not null)
            {
                _anchors[frame.Anchor] = new Anchor(node, size, height, scalarText: null);
            }

            Frame? parent = Top;
            switch (frame.Kind)
            {
                case FrameKind.MergeSource:
                    AddMergeSources(parent!, new[] { new MergeSource(frame.Object!, frame.Height) });
                    break;
                case FrameKind.MergeList:
                    AddMergeSources(parent!, frame.MergeSources ?? new List<MergeSource>());
                    break;
                default:
                    if (parent is null)
                    {
                        _rootDone = true;
                    }
                    else if (height > parent.Height)
                    {
                        parent.Height = height;
                    }

                    break;
            }
        }

        /// <summary>
        /// Puts a value in its place: the root, the value of the pending key, or the next item. Returns its id in the
        /// position map. <paramref name="height"/> is -1 for a container whose height is not known yet.
        /// </summary>
        private int Attach(JsonNode? value, Mark start, bool isArray, int height)
        {
            SourcePosition position = ToPosition(start);
            Frame? top = Top;
            if (top is null)
            {
                _root = value;
                _rootMark = start;
                if (height >= 0)
                {
                    _rootDone = true;
                }

                return _positions.AddRoot(position, isArray);
            }

            if (height > top.Height)
            {
                top.Height = height;
            }

            if (top.Kind == FrameKind.Sequence)
            {
                top.Array!.Add(value);
                return _positions.AddItem(top.Id, top.NextIndex++, position, isArray);
            }

            string key = top.PendingKey!;
            SourcePosition keyPosition = top.PendingKeyPosition;
            top.ClearPendingKey();

            // The indexer replaces an earlier value of the same key: the last duplicate wins.
            top.Object![key] = value;
            return _positions.AddProperty(top.Id, key, keyPosition, position, isArray);
        }

        private static void SetPendingKey(Frame frame, string key, Mark mark, bool isMerge)
        {
            frame.HasPendingKey = true;
            frame.PendingKey = key;
            frame.PendingKeyPosition = ToPosition(mark);
            frame.PendingIsMerge = isMerge;
        }

        /// <summary>Hands merge sources to the mapping whose merge key they are the value of (or to the merge list being read).</summary>
        private static void AddMergeSources(Frame target, IEnumerable<MergeSource> sources)
        {
            target.MergeSources ??= new List<MergeSource>();
            target.MergeSources.AddRange(sources);
            if (target.Kind != FrameKind.MergeList)
            {
                target.ClearPendingKey();
            }
        }

        /// <summary>Adds copies of the sources' entries whose keys <paramref name="target"/> does not have; earlier sources win.</summary>
        private static void ApplyMerges(JsonObject target, List<MergeSource> sources)
        {
            foreach (MergeSource source in sources)
            {
                foreach (KeyValuePair<string, JsonNode?> entry in source.Mapping)
                {
                    if (!target.ContainsKey(entry.Key))
                    {
                        target[entry.Key] = entry.Value?.DeepClone();
                    }
                }
            }
        }

        private static bool AllObjects(JsonArray list)
        {
            foreach (JsonNode? item in list)
            {
                if (item is not JsonObject)
                {
                    return false;
                }
            }

            return true;
        }

        private void AddNodes(long count, Mark mark)
        {
            _nodeCount += count;
            if (_nodeCount > _maxNodeCount)
            {
                throw new ConversionException(
                    $"The spec expands to more than {_maxNodeCount} nodes, which looks like an alias bomb (aliases of aliases copied over and over); reading stopped.",
                    mark);
            }
        }

        private static void CheckDepth(int depth, Mark mark)
        {
            if (depth > SpecTextReader.MaxNestingDepth)
            {
                throw new ConversionException($"The spec nests mappings and sequences more than {SpecTextReader.MaxNestingDepth} deep.", mark);
            }
        }
    }
}
