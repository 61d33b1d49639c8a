namespace WebhookGen.Generator.Emit;

/// <summary>Every type generated code names, fully qualified, in one place.</summary>
internal static class KnownTypes
{
    public const string WebhookResult = "global::WebhookGen.WebhookResult";
    public const string WebhookContext = "global::WebhookGen.WebhookContext";
    public const string WebhookReceiverOptions = "global::WebhookGen.WebhookReceiverOptions";
    public const string ReceiverDescriptor = "global::WebhookGen.Hosting.WebhookReceiverDescriptor";
    public const string RouteDescriptor = "global::WebhookGen.Hosting.WebhookRouteDescriptor";
    public const string EventSelector = "global::WebhookGen.Hosting.WebhookEventSelector";
    public const string WebhookEvent = "global::WebhookGen.Hosting.WebhookEvent";
    public const string EventDescriptor = "global::WebhookGen.Hosting.WebhookEventDescriptor";
    public const string BodyFormats = "global::WebhookGen.Hosting.WebhookBodyFormats";
    public const string ServiceRegistration = "global::WebhookGen.Hosting.WebhookServiceCollectionExtensions";
    public const string EndpointRegistration = "global::WebhookGen.Hosting.WebhookEndpointRouteBuilderExtensions";
    public const string SignatureScheme = "global::WebhookGen.Signatures.WebhookSignatureScheme";
    public const string HmacAlgorithm = "global::WebhookGen.Signatures.HmacAlgorithm";
    public const string SignatureEncoding = "global::WebhookGen.Signatures.SignatureEncoding";
    public const string SecretEncoding = "global::WebhookGen.Signatures.SecretEncoding";
    public const string SignedContentPart = "global::WebhookGen.Signatures.SignedContentPart";
    public const string TimeSpan = "global::System.TimeSpan";
    public const string TestClient = "global::WebhookGen.Testing.WebhookTestClient";
    public const string HttpClient = "global::System.Net.Http.HttpClient";
    public const string HttpMethod = "global::System.Net.Http.HttpMethod";
    public const string HttpResponseMessage = "global::System.Net.Http.HttpResponseMessage";
    public const string TimeProvider = "global::System.TimeProvider";
    public const string WebhookJson = "global::WebhookGen.Json.WebhookJson";
    public const string WebhookJsonWriter = "global::WebhookGen.Json.WebhookJsonWriter";
    public const string WebhookJsonConverter = "global::WebhookGen.Json.WebhookJsonConverter";
    public const string PayloadReader = "global::WebhookGen.Json.WebhookPayloadReader";

    public const string ValueTask = "global::System.Threading.Tasks.ValueTask";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string IServiceCollection = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
    public const string IEndpointRouteBuilder = "global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder";
    public const string RouteGroupBuilder = "global::Microsoft.AspNetCore.Routing.RouteGroupBuilder";
    public const string Utf8JsonReader = "global::System.Text.Json.Utf8JsonReader";
    public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
    public const string JsonTokenType = "global::System.Text.Json.JsonTokenType";
    public const string JsonSerializerOptions = "global::System.Text.Json.JsonSerializerOptions";
    public const string JsonSerializerContext = "global::System.Text.Json.Serialization.JsonSerializerContext";
    public const string IJsonTypeInfoResolver = "global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver";
    public const string JsonTypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";
    public const string JsonMetadataServices = "global::System.Text.Json.Serialization.Metadata.JsonMetadataServices";
    public const string JsonPropertyName = "global::System.Text.Json.Serialization.JsonPropertyName";
    public const string GeneratedCode = "global::System.CodeDom.Compiler.GeneratedCode";
    public const string PublicConstructors = "global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)";
    public const string EditorBrowsableNever = "global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)";
}
