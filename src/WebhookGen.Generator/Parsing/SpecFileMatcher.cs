using System;
using System.Collections.Generic;
using System.Linq;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Parsing;

/// <summary>
/// Finds the AdditionalFiles item a receiver names: by its path relative to the project (matched on whole path segments
/// at the end of the item's full path) or by its file name.
/// </summary>
internal static class SpecFileMatcher
{
    public static (string? Path, DiagnosticInfo? Error) Match(ReceiverDeclaration receiver, EquatableArray<string> additionalFiles)
    {
        var wanted = Normalize(receiver.SpecArgument).TrimStart('.', '/');
        var matches = wanted.Length == 0
            ? new List<string>()
            : additionalFiles.Where(path => EndsWithSegments(Normalize(path), wanted)).Distinct().ToList();

        if (matches.Count == 1)
        {
            return (matches[0], null);
        }

        if (matches.Count == 0)
        {
            var seen = additionalFiles.Count == 0 ? "none" : string.Join(", ", additionalFiles.Select(FileName).OrderBy(n => n, StringComparer.Ordinal));
            return (null, DiagnosticInfo.Create(DiagnosticDescriptors.SpecFileNotFound, receiver.Location, receiver.SpecArgument, receiver.ClassName, seen));
        }

        return (null, DiagnosticInfo.Create(DiagnosticDescriptors.SpecFileAmbiguous, receiver.Location, receiver.SpecArgument, receiver.ClassName, string.Join(", ", matches.OrderBy(m => m, StringComparer.Ordinal))));
    }

    private static string Normalize(string path) => path.Replace('\\', '/');

    private static string FileName(string path)
    {
        var normalized = Normalize(path);
        return normalized.Substring(normalized.LastIndexOf('/') + 1);
    }

    private static bool EndsWithSegments(string path, string wanted) =>
        path.EndsWith(wanted, StringComparison.OrdinalIgnoreCase)
        && (path.Length == wanted.Length || path[path.Length - wanted.Length - 1] == '/');
}
