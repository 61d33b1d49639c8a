using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Reading.References;

/// <summary>The files a spec is made of: those its <c>$ref</c>s point into, and those theirs point into, to the end.</summary>
internal static class SpecFileClosure
{
    /// <param name="spec">The spec and the files its own text refers into.</param>
    /// <param name="scanned">Every AdditionalFiles item that may be part of a spec, with the files it refers into.</param>
    /// <returns>The AdditionalFiles items reached from the spec, the spec itself left out, in the order of their paths.</returns>
    public static EquatableArray<ReferencedFile> Of(SpecReferences spec, ImmutableArray<SpecReferences> scanned)
    {
        var byPath = new Dictionary<string, SpecReferences>(StringComparer.Ordinal);
        foreach (var file in scanned)
        {
            byPath[file.File.Path.Replace('\\', '/')] = file;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { spec.File.Path.Replace('\\', '/') };
        var pending = new Queue<string>(spec.Paths);
        var found = new List<AdditionalText>();
        while (pending.Count > 0)
        {
            var path = pending.Dequeue();
            if (!seen.Add(path) || !byPath.TryGetValue(path, out var file))
            {
                continue;
            }

            found.Add(file.File);
            foreach (var next in file.Paths)
            {
                pending.Enqueue(next);
            }
        }

        return found.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => new ReferencedFile(f)).ToEquatableArray();
    }
}
