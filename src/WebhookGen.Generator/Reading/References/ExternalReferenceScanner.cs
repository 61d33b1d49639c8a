using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace WebhookGen.Generator.Reading.References;

/// <summary>
/// Finds the other files a spec's <c>$ref</c>s point into, by a cheap scan of its text, so that the pipeline can hand
/// exactly those files to the read step (and re-read the spec only when one of them changes). Each file is scanned on
/// its own, so the files reached through other files are found too (<see cref="SpecFileClosure"/>).
/// </summary>
internal static class ExternalReferenceScanner
{
    // $ref: other.yaml#/x, "$ref": "./schemas/pet.json", $ref: 'common.yml', $ref: ../common/Pet (any file part;
    // one that is no AdditionalFiles item is simply not found).
    private static readonly Regex Reference = new(
        @"[""']?\$ref[""']?\s*:\s*[""']?(?<file>[^#""'\s,}\]]+)(?=[#""'\s,}\]]|$)",
        RegexOptions.CultureInvariant | RegexOptions.Multiline);

    /// <summary>The referenced files as absolute, '/'-separated paths, resolved against the spec's own folder.</summary>
    public static IReadOnlyList<string> Scan(string specPath, string text)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match match in Reference.Matches(text))
        {
            var target = match.Groups["file"].Value;
            if (target.IndexOf("://", StringComparison.Ordinal) < 0)
            {
                found.Add(Resolve(specPath, Uri.UnescapeDataString(target)));
            }
        }

        return [.. found];
    }

    /// <summary>Whether an AdditionalFiles item may be part of a spec, and so is worth scanning for references.</summary>
    public static bool MayBeSpec(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="relative"/> resolved against the folder of <paramref name="fromPath"/>.</summary>
    public static string Resolve(string fromPath, string relative)
    {
        var from = fromPath.Replace('\\', '/');
        var target = relative.Replace('\\', '/');
        var segments = new List<string>();
        if (!target.StartsWith("/", StringComparison.Ordinal))
        {
            segments.AddRange(from.Substring(0, Math.Max(0, from.LastIndexOf('/'))).Split('/'));
        }

        foreach (var segment in target.Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 1)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment != "." && segment.Length > 0)
            {
                segments.Add(segment);
            }
        }

        var joined = string.Join("/", segments);
        return from.StartsWith("/", StringComparison.Ordinal) && !joined.StartsWith("/", StringComparison.Ordinal) ? "/" + joined : joined;
    }
}
