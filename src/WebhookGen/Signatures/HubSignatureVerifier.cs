using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace WebhookGen.Signatures;

/// <summary>
/// The WebSub / <c>X-Hub-Signature</c> scheme: a header <c>&lt;method&gt;=&lt;hex HMAC of the raw body&gt;</c>,
/// for example <c>X-Signature: sha512=9f86d0…</c>. Several signatures may be sent at once, separated by commas
/// (senders do so while they rotate secrets); any valid one accepts the delivery. Hex is read in either case.
/// A preset of <see cref="ConfigurableSignatureVerifier"/> with <see cref="WebhookSignatureScheme.Hub"/>.
/// </summary>
public sealed class HubSignatureVerifier : IWebhookSignatureVerifier
{
    private readonly ConfigurableSignatureVerifier _inner;

    /// <summary>Creates a verifier for one header and hash function.</summary>
    public HubSignatureVerifier(string headerName, HmacAlgorithm algorithm)
    {
        ArgumentException.ThrowIfNullOrEmpty(headerName);
        HeaderName = headerName;
        Algorithm = algorithm;
        MethodName = HmacAlgorithms.Name(algorithm);
        _inner = new ConfigurableSignatureVerifier(WebhookSignatureScheme.Hub(headerName, algorithm));
    }

    /// <summary>The header that carries the signature.</summary>
    public string HeaderName { get; }

    /// <summary>The hash function.</summary>
    public HmacAlgorithm Algorithm { get; }

    /// <summary>The method prefix before <c>=</c>, for example <c>sha512</c>.</summary>
    public string MethodName { get; }

    /// <summary>The scheme this verifier checks.</summary>
    public WebhookSignatureScheme Scheme => _inner.Scheme;

    /// <inheritdoc />
    public SignatureVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets) =>
        _inner.Verify(headers, body, secrets);

    /// <summary>Signs a body as a sender of this scheme does: the complete header value, for example <c>sha512=…</c>.</summary>
    public string Sign(ReadOnlySpan<byte> body, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Span<byte> mac = stackalloc byte[HmacAlgorithms.MaxHashSize];
        mac = mac[..HmacAlgorithms.HashSize(Algorithm)];
        SignatureMac.Compute(Algorithm, [SignedContentPart.Body], default, Encoding.UTF8.GetBytes(secret), body, null, null, mac);
        return MethodName + "=" + SignatureMac.Format(mac, SignatureEncoding.Hex);
    }
}
