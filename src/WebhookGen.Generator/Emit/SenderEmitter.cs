using System.Linq;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Emit;

/// <summary>
/// Emits <c>{Receiver}Sender</c>, the test kit: one <c>Send{Event}Async</c> per event that serializes the typed payload with
/// the receiver's JSON context, signs it as the receiver's scheme requires and posts it to the event's route (with the
/// header that names the event on a route told apart by a header). Built on <c>WebhookGen.Testing.WebhookTestClient</c>.
/// </summary>
internal static class SenderEmitter
{
    public static string SenderName(ReceiverDeclaration receiver) => receiver.ClassName + "Sender";

    /// <summary>The name of the method that sends the event.</summary>
    public static string MethodName(EventModel evt) => "Send" + evt.Identifier.TrimStart('@') + "Async";

    public static string Emit(ReceiverDeclaration receiver, SpecModel spec)
    {
        var ns = receiver.Namespace;
        var name = SenderName(receiver);
        var descriptors = CSharp.QualifiedName(ns, WebhooksEmitter.DescriptorsName(receiver));
        var context = CSharp.QualifiedName(ns, JsonEmitter.ContextName(receiver));
        var infoNames = JsonEmitter.TypeInfoNames(receiver, spec);
        var writer = CSharp.StartFile(ns);

        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// Sends signed <see cref=\"{receiver.ClassName}\"/> events, for integration tests: each payload is serialized with the");
        writer.WriteLine("/// receiver's JSON context, signed as its spec's scheme requires and posted to its route. Works with any");
        writer.WriteLine("/// <see cref=\"global::System.Net.Http.HttpClient\"/>, such as the one <c>WebApplicationFactory</c> creates.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"{(receiver.IsPublic ? "public" : "internal")} sealed class {name}");
        writer.WriteLine("private readonly string _routePrefix;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>A sender that signs with <paramref name=\"secret\"/>, the secret the receiver is configured with.</summary>");
        writer.WriteLine("/// <param name=\"httpClient\">The client to send with; its base address is the app's.</param>");
        writer.WriteLine("/// <param name=\"secret\">The secret, in the scheme's encoding (<c>whsec_...</c> for Standard Webhooks).</param>");
        writer.WriteLine("/// <param name=\"routePrefix\">The prefix the receiver is mapped under; the spec's default when omitted.</param>");
        writer.WriteLine("/// <param name=\"signatureScheme\">The scheme to sign with; the spec's when omitted (required when the spec declares none).</param>");
        writer.WriteLine("/// <param name=\"timeProvider\">The clock for signed timestamps; the system's when omitted.</param>");
        writer.WriteLine($"public {name}({KnownTypes.HttpClient} httpClient, string secret, string? routePrefix = null, {KnownTypes.SignatureScheme}? signatureScheme = null, {KnownTypes.TimeProvider}? timeProvider = null)");
        writer.WriteLine($"    : this(new {KnownTypes.TestClient}(httpClient, signatureScheme ?? {descriptors}.Receiver.SignatureScheme ?? throw new global::System.ArgumentNullException(nameof(signatureScheme), \"The spec declares no signature scheme WebhookGen recognises: pass the one the receiver is configured with.\"), secret, timeProvider), routePrefix)");
        writer.OpenBrace();
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"private {name}({KnownTypes.TestClient} client, string? routePrefix)");
        writer.OpenBrace();
        writer.WriteLine("Client = client;");
        writer.WriteLine($"_routePrefix = (routePrefix ?? {descriptors}.Receiver.DefaultRoutePrefix).TrimEnd('/');");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>The signing client underneath, to send raw bodies or tampered headers.</summary>");
        writer.WriteLine($"public {KnownTypes.TestClient} Client {{ get; }}");
        writer.WriteLine();
        writer.WriteLine("/// <summary>A sender like this one that signs with another secret: every delivery it sends must be refused.</summary>");
        writer.WriteLine($"public {name} WithSecret(string secret) => new(Client.WithSecret(secret), _routePrefix);");

        // On a route told apart by headers, the sender names the event as the provider does (X-GitHub-Event: issues).
        var headerValues = spec.Routes
            .SelectMany(r => r.Events.Select(e => (e.Identifier, Headers: r.Selectors
                .Select((selector, i) => (selector, Value: e.Values[i]))
                .Where(p => p.selector.Kind == SelectorKind.Header && p.Value.Length > 0)
                .Select(p => $"new({CSharp.Literal(p.selector.Name)}, {CSharp.Literal(p.Value)})")
                .ToList())))
            .Where(e => e.Headers.Count > 0)
            .ToDictionary(e => e.Identifier, e => e.Headers);
        foreach (var evt in spec.Events)
        {
            headerValues.TryGetValue(evt.Identifier, out var pairs);
            var payload = CSharp.TypeName(evt.Payload, ns);
            var body = evt.Payload.Kind == ValueKind.Object
                ? $"global::System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(payload, {context}.Default.{infoNames[evt.Payload.Name!]})"
                : "global::System.Text.Encoding.UTF8.GetBytes(payload.GetRawText())";
            // A JWT event is sent as the signed token the caller passes, with its media type.
            var jwt = evt.BodyFormat == EventBodyFormat.Jwt;
            if (jwt)
            {
                (payload, body) = ("string", "global::System.Text.Encoding.ASCII.GetBytes(payload)");
                pairs = [.. pairs ?? [], "new(\"Content-Type\", \"application/jwt\")"];
            }

            var headers = pairs is { Count: > 0 }
                ? $"new global::System.Collections.Generic.KeyValuePair<string, string>[] {{ {string.Join(", ", pairs)} }}"
                : "null";
            var route = SenderRoute.Parse(evt.Route);
            var parameters = string.Concat(route.Variables.Select(v => $"string {v.Parameter}, "));
            var path = route.PathExpression("_routePrefix");
            var send = evt.HttpMethod == "POST"
                ? $"Client.SendAsync({path}, {body}, {headers}, id, cancellationToken)"
                : $"Client.SendAsync({HttpMethod(evt.HttpMethod)}, {path}, {body}, {headers}, id, cancellationToken)";
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Sends the event <c>{CSharp.EscapeXml(evt.EventName)}</c>, signed, to <c>{evt.HttpMethod} {CSharp.EscapeXml(evt.Route)}</c>.</summary>");
            foreach (var (variable, parameter) in route.Variables)
            {
                writer.WriteLine($"/// <param name=\"{parameter.TrimStart('@')}\">The value of <c>{{{CSharp.EscapeXml(variable)}}}</c> in the route, as it is (the sender escapes it); not empty.</param>");
            }

            writer.WriteLine(jwt ? "/// <param name=\"payload\">The event as a signed JWT (compact form), whose claims are the event.</param>" : "/// <param name=\"payload\">The event.</param>");
            writer.WriteLine("/// <param name=\"id\">The delivery's id, for a scheme with an id header; a new one when omitted.</param>");
            writer.WriteLine("/// <param name=\"cancellationToken\">Cancels the request.</param>");
            writer.WriteLine("/// <returns>The receiver's response.</returns>");
            var signature = $"public global::System.Threading.Tasks.Task<{KnownTypes.HttpResponseMessage}> {MethodName(evt)}({parameters}{payload} payload, string? id = null, {KnownTypes.CancellationToken} cancellationToken = default)";
            if (route.Variables.Count == 0)
            {
                writer.WriteLine(signature + " =>");
                writer.WriteLine($"    {send};");
                continue;
            }

            writer.WriteLine(signature);
            writer.OpenBrace();
            foreach (var (_, parameter) in route.Variables)
            {
                writer.WriteLine($"global::System.ArgumentException.ThrowIfNullOrEmpty({parameter});");
            }

            writer.WriteLine($"return {send};");
            writer.CloseBlock();
        }

        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>The <c>HttpMethod</c> to send with: the framework's own for a standard method, else a new one.</summary>
    private static string HttpMethod(string method) => method switch
    {
        "GET" or "PUT" or "DELETE" or "PATCH" or "HEAD" or "OPTIONS" or "TRACE" =>
            $"{KnownTypes.HttpMethod}.{method.Substring(0, 1)}{method.Substring(1).ToLowerInvariant()}",
        _ => $"new {KnownTypes.HttpMethod}({CSharp.Literal(method)})",
    };
}
