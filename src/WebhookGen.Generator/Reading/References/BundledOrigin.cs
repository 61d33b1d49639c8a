namespace WebhookGen.Generator.Reading.References;

/// <summary>
/// Where what the bundler put at <paramref name="Pointer"/> in the spec came from: <paramref name="FilePointer"/> in
/// <paramref name="File"/>. Diagnostics about it point there.
/// </summary>
internal sealed record BundledOrigin(string Pointer, string File, string FilePointer);

/// <summary>A <c>$ref</c> at <paramref name="Pointer"/> in <paramref name="File"/> that points at nothing given; <paramref name="Why"/> says what is missing.</summary>
internal sealed record UnresolvedReference(string File, string Pointer, string Reference, string Why);
