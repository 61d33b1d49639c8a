namespace WebhookGen.Generator.Model;

/// <summary>The signature scheme the spec declares: a WebSub-style <c>&lt;method&gt;=&lt;hex&gt;</c> header.</summary>
/// <param name="Algorithm">The runtime's <c>HmacAlgorithm</c> member: Sha1, Sha256 or Sha512.</param>
internal sealed record SignatureModel(string HeaderName, string Algorithm);
