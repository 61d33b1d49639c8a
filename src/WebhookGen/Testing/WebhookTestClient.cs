using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using WebhookGen.Signatures;

namespace WebhookGen.Testing;

/// <summary>
/// Delivers signed webhooks to a receiver under test, as its sender would: posts a JSON body with the headers of
/// <see cref="WebhookSigner"/>. Works with any <see cref="System.Net.Http.HttpClient"/>, including
/// <c>WebApplicationFactory&lt;T&gt;.CreateClient()</c>.
/// </summary>
/// <example>
/// <code>
/// var client = new WebhookTestClient(factory.CreateClient(), GridXReceiverWebhooks.Receiver.SignatureScheme!, "test-secret");
/// var response = await client.SendAsync("/gridx/events", body);                    // accepted
/// var rejected = await client.WithSecret("wrong-secret").SendAsync("/gridx/events", body); // 403
/// </code>
/// </example>
public sealed class WebhookTestClient
{
    /// <summary>Creates a client that signs by <paramref name="scheme"/> with <paramref name="secret"/>.</summary>
    /// <param name="httpClient">The client requests are sent with; its base address resolves the paths.</param>
    /// <param name="scheme">The receiver's signature scheme.</param>
    /// <param name="secret">The secret the receiver is configured with, written in the scheme's secret encoding.</param>
    /// <param name="timeProvider">The clock that dates signatures; <see cref="TimeProvider.System"/> when omitted.</param>
    /// <exception cref="ArgumentException">The scheme is inconsistent, or the secret is not valid in its encoding.</exception>
    public WebhookTestClient(HttpClient httpClient, WebhookSignatureScheme scheme, string secret, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        HttpClient = httpClient;
        Signer = new WebhookSigner(scheme, secret, timeProvider);
    }

    /// <summary>The client requests are sent with.</summary>
    public HttpClient HttpClient { get; }

    /// <summary>The signer of every request.</summary>
    public WebhookSigner Signer { get; }

    /// <summary>
    /// A client like this one that signs with <paramref name="secret"/> instead: with a secret the receiver does not
    /// know, every delivery it sends is one the receiver must refuse.
    /// </summary>
    /// <exception cref="ArgumentException">The secret is not valid in the scheme's secret encoding.</exception>
    public WebhookTestClient WithSecret(string secret) => new(HttpClient, Signer.Scheme, secret, Signer.TimeProvider);

    /// <summary>Posts <paramref name="jsonBody"/> to <paramref name="path"/> as <c>application/json</c>, signed.</summary>
    /// <param name="path">The receiver's route, relative to the client's base address.</param>
    /// <param name="jsonBody">The body, sent byte for byte as signed.</param>
    /// <param name="extraHeaders">
    /// More headers to send, such as the event type or a delivery id header the scheme does not sign. A header named like
    /// one the signer writes replaces it, which is how a test sends a tampered signature, id or timestamp.
    /// </param>
    /// <param name="id">The delivery's id, for a scheme with an id header; a new one when omitted.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The receiver's response.</returns>
    /// <exception cref="ArgumentException">An extra header cannot be sent on a request, or <paramref name="id"/> is not one the receiver would read as sent.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required first parameter (the HTTP method or not), so no call binds to both.")]
    public Task<HttpResponseMessage> SendAsync(
        string path,
        ReadOnlyMemory<byte> jsonBody,
        IEnumerable<KeyValuePair<string, string>>? extraHeaders = null,
        string? id = null,
        CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, path, jsonBody, extraHeaders, id, cancellationToken);

    /// <summary>
    /// Sends <paramref name="jsonBody"/> to <paramref name="path"/> with <paramref name="method"/> (an event the spec
    /// describes as a <c>PUT</c> or a <c>PATCH</c>) as <c>application/json</c>, signed.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The receiver's route, relative to the client's base address, its path parameters filled in and escaped.</param>
    /// <param name="jsonBody">The body, sent byte for byte as signed.</param>
    /// <param name="extraHeaders">More headers to send; one named like a header the signer writes replaces it.</param>
    /// <param name="id">The delivery's id, for a scheme with an id header; a new one when omitted.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The receiver's response.</returns>
    /// <exception cref="ArgumentException">An extra header cannot be sent on a request, or <paramref name="id"/> is not one the receiver would read as sent.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required first parameter (the HTTP method or not), so no call binds to both.")]
    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string path,
        ReadOnlyMemory<byte> jsonBody,
        IEnumerable<KeyValuePair<string, string>>? extraHeaders = null,
        string? id = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var extra = extraHeaders is null ? [] : new List<KeyValuePair<string, string>>(extraHeaders);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.RelativeOrAbsolute))
        {
            Content = new ReadOnlyMemoryContent(jsonBody),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        foreach (var header in Signer.Sign(jsonBody.Span, id))
        {
            if (!extra.Exists(e => string.Equals(e.Key, header.Key, StringComparison.OrdinalIgnoreCase)) && !TryAdd(request, header.Key, header.Value))
            {
                throw new InvalidOperationException($"The scheme's header '{header.Key}' cannot be sent on a request.");
            }
        }

        var replaced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in extra)
        {
            // A content header (Content-Type) replaces the content's own; several values of one header are all sent.
            if (replaced.Add(header.Key) && request.Content.Headers.NonValidated.Contains(header.Key))
            {
                request.Content.Headers.Remove(header.Key);
            }

            if (!TryAdd(request, header.Key, header.Value))
            {
                throw new ArgumentException($"The header '{header.Key}' cannot be sent on a request.", nameof(extraHeaders));
            }
        }

        return await HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static bool TryAdd(HttpRequestMessage request, string name, string value) =>
        request.Headers.TryAddWithoutValidation(name, value) || request.Content!.Headers.TryAddWithoutValidation(name, value);
}
