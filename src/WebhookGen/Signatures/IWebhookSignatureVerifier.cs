using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace WebhookGen.Signatures;

/// <summary>Checks that a delivery was signed by the sender, before anything reads its body.</summary>
public interface IWebhookSignatureVerifier
{
    /// <summary>Verifies the raw body against the request's signature headers with each configured secret.</summary>
    /// <param name="headers">The request's headers.</param>
    /// <param name="body">The raw body, exactly as received.</param>
    /// <param name="secrets">The configured secrets; any one that verifies accepts the delivery.</param>
    SignatureVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets);
}
