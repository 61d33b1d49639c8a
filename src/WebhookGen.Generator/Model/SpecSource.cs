using Microsoft.CodeAnalysis;
using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Model;

/// <summary>
/// A spec file and the other AdditionalFiles it is made of (those its <c>$ref</c>s point into, and theirs, to the end):
/// the input of the read step. Compared by
/// reference: Roslyn hands over the same <see cref="AdditionalText"/> while a file is unchanged, so an edit to any
/// other file leaves the read step cached.
/// </summary>
internal readonly record struct SpecSource(AdditionalText File, EquatableArray<ReferencedFile> References);

/// <summary>An AdditionalFiles item that a spec refers into, directly or through another file.</summary>
internal readonly record struct ReferencedFile(AdditionalText File);

/// <summary>A file and the paths of the files its own text refers into, found by a scan of that text.</summary>
internal readonly record struct SpecReferences(AdditionalText File, EquatableArray<string> Paths);
