using Microsoft.CodeAnalysis;

namespace WebhookGen.Generator.Diagnostics;

/// <summary>Every diagnostic WebhookGen reports. Each ID is documented in docs/diagnostics.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "WebhookGen";
    private const string HelpLink = ThisAssembly.DocsUrl + "diagnostics.md#";

    /// <summary>The warnings that <c>&lt;WebhookGenStrict&gt;true&lt;/WebhookGenStrict&gt;</c> reports as errors.</summary>
    public static readonly System.Collections.Immutable.ImmutableHashSet<string> ErrorsWhenStrict = System.Collections.Immutable.ImmutableHashSet.Create("WHG007", "WHG027");

    public static readonly DiagnosticDescriptor SpecFileNotFound = Create(
        "WHG001", "The receiver's spec is not an AdditionalFiles item",
        "[WebhookReceiver(\"{0}\")] on {1} matches no AdditionalFiles item; add <AdditionalFiles Include=\"{0}\" /> to the project. AdditionalFiles seen: {2}.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SpecFileAmbiguous = Create(
        "WHG002", "The receiver's spec matches several AdditionalFiles items",
        "[WebhookReceiver(\"{0}\")] on {1} matches several AdditionalFiles items: {2}. Give the path relative to the project.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SpecNotReadable = Create(
        "WHG003", "The spec is not valid YAML or JSON",
        "The spec cannot be read: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SpecNotOpenApi = Create(
        "WHG004", "The spec is not an OpenAPI document",
        "The spec is not an OpenAPI document WebhookGen can read: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NoEvents = Create(
        "WHG005", "The spec describes no events",
        "The spec describes no webhook events (no operation with a JSON request body under paths, webhooks or callbacks), so {0} has no handlers",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ReceiverNotPartial = Create(
        "WHG006", "A receiver must be a partial, non-generic, top-level class",
        "{0} must be a partial, non-generic class declared directly in a namespace to be a webhook receiver",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        "WHG007", "A $ref in the spec cannot be resolved",
        "'{0}' refers to nothing in the spec; the value is read as raw JSON (JsonElement)",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedSchema = Create(
        "WHG008", "A schema construct is read as raw JSON",
        "{0} at '{1}' is not typed by WebhookGen yet; the value is read as raw JSON (JsonElement)",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NoSignatureScheme = Create(
        "WHG009", "No signature scheme recognised",
        "The spec declares no signature scheme that WebhookGen understands; {0} refuses to start until one is declared in the spec with x-webhook-signature, set in code with options.UseSignatureScheme(...) or options.UseSignatureVerifier(...), or unsigned deliveries are allowed explicitly",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EventWithoutBody = Create(
        "WHG010", "An operation has no JSON request body",
        "{0} has no application/json request body, so it is not received as an event",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SpecWarning = Create(
        "WHG011", "The OpenAPI reader reported a problem",
        "{0}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EventsNotDistinguishable = Create(
        "WHG012", "Events on one route cannot be told apart",
        "Nothing in the spec tells apart the events sent to {0} ({1}): no discriminator, header or constant body property differs between them; each gets a route of its own",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor WebhookWithoutBody = Create(
        "WHG013", "A webhook describes no request body",
        "The event {0} describes no application/json request body; {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ReceiverNameTaken = Create(
        "WHG014", "Two receivers have the same class name",
        "Another receiver is also named {0} ({1}); a receiver's class name names its configuration section (Webhooks:{0}), its options and its Add/Map methods, so it must be unique in the project",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor TypeNameTaken = Create(
        "WHG015", "A schema's type name is taken by the receiver",
        "The spec's schema {0} would be generated with the name of {1} or one of its generated types; rename the receiver class",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SignatureNotUnderstood = Create(
        "WHG016", "A signature header is not understood",
        "The header {0} looks like a signature, but WebhookGen cannot tell how it is computed; declare the scheme with x-webhook-signature in the spec, or set it in code with options.UseSignatureScheme(...), else the receiver refuses to start",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidExtension = Create(
        "WHG017", "A WebhookGen extension in the spec is invalid",
        "{0} is invalid: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedVersion = Create(
        "WHG018", "The spec's OpenAPI version is not supported",
        "{0} is not a version WebhookGen reads; it reads Swagger 2.0 (swagger: \"2.0\") and OpenAPI 3.0, 3.1 and 3.2 (openapi: 3.0.x, 3.1.x or 3.2.x)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ReceiverAttributeRepeated = Create(
        "WHG019", "A class has more than one [WebhookReceiver] attribute",
        "{0} has {1} [WebhookReceiver] attributes ({2}); a class receives the events of one spec: keep one attribute, and declare a receiver class of its own for each other spec",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NameChanged = Create(
        "WHG020", "A name from the spec was changed to be valid C#",
        "{0} '{1}' is named {2} in C#: {3}",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor EventPatternUnmatched = Create(
        "WHG021", "A chosen event matches no event of the spec",
        "Events entry '{0}' on {1} matches no event of the spec; an entry is an event's name ({2}), its key on a shared route, the key's first part for a group, or a pattern with *",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PathsLookLikeProviderApi = Create(
        "WHG022", "The spec's paths look like the provider's API, not a receiver",
        "The spec has no webhooks, callbacks or marked events, so its paths are read as the receiver's own endpoints and each request with a JSON body is an event ({1}); but they look like the provider's API ({0}). Describe the events under webhooks (or x-webhooks) or as callbacks, mark each payload schema with an x-webhook extension that names its event, or choose the events to handle with Events = [...]",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor QuirkReadLeniently = Create(
        "WHG023", "An invalid but common spec quirk is read as meant",
        "{0} is not valid OpenAPI, but is read as {1} ({2})",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor JwtClaimsNotDescribed = Create(
        "WHG024", "The claims of a JWT body are not described",
        "The event {0} has a signed JWT body ({1}) whose claims the spec does not describe as an object; the claims are received as raw JSON (JsonElement). Give the media type an object schema of the claims, or a string schema with a contentSchema.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor JwtEventRouteShared = Create(
        "WHG025", "A JWT event shares its URL with other events",
        "The event {0} has a signed JWT body on {1}, which {2} also use; a JWT event needs a URL of its own, since nothing names it before its token is verified, so it is not received",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor HandlersToWrite = Create(
        "WHG026", "Webhook handlers are still to write",
        "{0} has {1} webhook handler(s) to write: {2}. The code fix 'Implement webhook handlers' writes them.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownSchemaType = Create(
        "WHG027", "A schema's type is not a JSON Schema type",
        "'{0}' is not a JSON Schema type (string, number, integer, boolean, object, array or null); the value is read as raw JSON (JsonElement)",
        DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLink + id.ToLowerInvariant());
}
