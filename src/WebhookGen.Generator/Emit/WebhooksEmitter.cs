using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Emit;

/// <summary>
/// Emits <c>{Receiver}Webhooks</c>, what the spec says about each event (route, reader, handler, id), and the
/// <c>Add{Receiver}</c> / <c>Map{Receiver}</c> extension methods that wire it into an app.
/// </summary>
internal static class WebhooksEmitter
{
    public static string DescriptorsName(ReceiverDeclaration receiver) => receiver.ClassName + "Webhooks";

    public static string Emit(ReceiverDeclaration receiver, SpecModel spec)
    {
        var ns = receiver.Namespace;
        var accessibility = receiver.IsPublic ? "public" : "internal";
        var receiverType = CSharp.QualifiedName(ns, receiver.ClassName);
        var descriptors = CSharp.QualifiedName(ns, DescriptorsName(receiver));
        var context = CSharp.QualifiedName(ns, JsonEmitter.ContextName(receiver));
        var members = MemberNames(DescriptorsName(receiver), spec);
        // Block-scoped: this file also extends two framework namespaces.
        var writer = new SourceWriter();
        writer.WriteLine(CSharp.FileHeader);
        if (ns is not null)
        {
            writer.OpenBlock("namespace " + ns);
        }

        writer.WriteLine($"/// <summary>What the spec says about <see cref=\"{receiver.ClassName}\"/> and each of its events.</summary>");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.WriteLine($"[{KnownTypes.EditorBrowsableNever}]");
        writer.OpenBlock($"{accessibility} static class {DescriptorsName(receiver)}");
        writer.WriteLine("/// <summary>The receiver as a whole: name, default route prefix, signature scheme.</summary>");
        writer.WriteLine($"public static {KnownTypes.ReceiverDescriptor} Receiver {{ get; }} = new(");
        writer.WriteLine($"    name: {CSharp.Literal(receiver.ClassName)},");
        writer.WriteLine($"    defaultRoutePrefix: {CSharp.Literal(spec.RoutePrefix)},");
        writer.WriteLine($"    signatureScheme: {SignatureSchemeEmitter.Expression(spec.Signature, "    ")},");
        writer.WriteLine($"    signatureFailureStatusCode: {spec.SignatureFailureStatusCode.ToString(CultureInfo.InvariantCulture)},");
        var deliveryIdHeader = spec.DeliveryIdHeader is null ? "null" : CSharp.Literal(spec.DeliveryIdHeader);
        var bodyFormats = BodyFormatsExpression(spec);
        writer.WriteLine(bodyFormats is null ? $"    deliveryIdHeader: {deliveryIdHeader});" : $"    deliveryIdHeader: {deliveryIdHeader},");
        if (bodyFormats is not null)
        {
            writer.WriteLine($"    bodyFormats: {bodyFormats});");
        }

        foreach (var evt in spec.Events)
        {
            var payload = CSharp.TypeName(evt.Payload, ns);
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The event <c>{CSharp.EscapeXml(evt.EventName)}</c>: <c>{evt.HttpMethod} {CSharp.EscapeXml(evt.Route)}</c>.</summary>");
            writer.WriteLine($"public static {KnownTypes.EventDescriptor}<{receiverType}, {payload}> {members[evt.Identifier]} {{ get; }} = new(");
            writer.WriteLine("    Receiver,");
            writer.WriteLine($"    {CSharp.Literal(evt.EventName)},");
            writer.WriteLine($"    {PayloadReader(evt.Payload, ns, context)},");
            writer.WriteLine($"    static (receiver, payload, context, cancellationToken) => receiver.{ReceiverEmitter.HandlerName(evt)}(payload, context, cancellationToken),");
            var trailing = new List<string>();
            if (evt.BodyFormat == EventBodyFormat.Jwt)
            {
                trailing.Add($"bodyFormat: {KnownTypes.BodyFormats}.Jwt");
            }

            if (evt.BodyEventName is { } named)
            {
                trailing.Add($"bodyEventName: new({CSharp.Literal(named.Property)}, {CSharp.Literal(named.Value)})");
            }

            var eventId = evt.EventIdExpression is null ? "eventId: null" : $"static payload => {evt.EventIdExpression}";
            foreach (var argument in trailing.Prepend(eventId).Select((text, i) => (text, last: i == trailing.Count)))
            {
                writer.WriteLine("    " + argument.text + (argument.last ? ");" : ","));
            }

        }

        var shared = 0;
        foreach (var route in spec.Routes.Where(r => r.NeedsRouteDescriptor))
        {
            writer.WriteLine();
            writer.WriteLine($"/// <summary><c>{route.HttpMethod} {CSharp.EscapeXml(route.Route)}</c>: {RouteSummary(route)}.</summary>");
            writer.WriteLine($"public static {KnownTypes.RouteDescriptor} {RouteName(shared++)} {{ get; }} = new(");
            writer.WriteLine("    Receiver,");
            writer.WriteLine($"    {SelectorExpression(route)},");
            writer.WriteLine($"    new global::System.Collections.Generic.KeyValuePair<string, {KnownTypes.WebhookEvent}>[]");
            writer.WriteLine("    {");
            foreach (var evt in route.Events)
            {
                writer.WriteLine($"        new({KeyExpression(evt)}, {members[evt.Identifier]}),");
            }

            if (route.Ignored.IsEmpty)
            {
                writer.WriteLine("    });");
                continue;
            }

            writer.WriteLine("    },");
            writer.WriteLine("    ignored: new[]");
            writer.WriteLine("    {");
            foreach (var evt in route.Ignored)
            {
                writer.WriteLine($"        {KeyExpression(evt)},");
            }

            writer.WriteLine("    });");
        }

        writer.CloseBlock();
        if (ns is not null)
        {
            writer.CloseBlock();
        }

        writer.WriteLine();
        EmitServiceExtensions(writer, receiver, accessibility, receiverType, descriptors);
        writer.WriteLine();
        EmitEndpointExtensions(writer, receiver, spec, accessibility, descriptors, members);
        return writer.ToString();
    }

    /// <summary>
    /// The descriptor of each event, by its identifier: the identifier, unless it is the class's own name (CS0542), which
    /// depends on the receiver and so is not known when the spec is read. Then it gets the suffix <c>Value</c>.
    /// </summary>
    private static Dictionary<string, string> MemberNames(string className, SpecModel spec)
    {
        var used = new HashSet<string>(spec.Events.Select(e => e.Identifier), StringComparer.Ordinal);
        return spec.Events.ToDictionary(
            e => e.Identifier,
            e => e.Identifier == className ? Identifiers.MakeUnique(e.Identifier + "Value", used) : e.Identifier,
            StringComparer.Ordinal);
    }

    private static void EmitServiceExtensions(SourceWriter writer, ReceiverDeclaration receiver, string accessibility, string receiverType, string descriptors)
    {
        var name = receiver.ClassName;
        writer.OpenBlock("namespace Microsoft.Extensions.DependencyInjection");
        writer.WriteLine($"/// <summary>Registers <see cref=\"{receiverType}\"/>.</summary>");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"{accessibility} static class {name}ServiceCollectionExtensions");
        writer.WriteLine("/// <summary>");
        if (receiver.IsAbstract)
        {
            writer.WriteLine($"/// Registers <see cref=\"{receiverType}\"/> as <typeparamref name=\"THandlers\"/>, the class that overrides its handlers");
            writer.WriteLine("/// (scoped, so its constructor can take any service), and the receiver's options,");
        }
        else
        {
            writer.WriteLine($"/// Registers <see cref=\"{receiverType}\"/> (scoped, so its constructor can take any service) and its options,");
        }

        writer.WriteLine($"/// bound from the configuration section <c>Webhooks:{name}</c> and validated when the app starts:");
        writer.WriteLine("/// without a signing secret the app refuses to start.");
        writer.WriteLine("/// </summary>");
        if (receiver.IsAbstract)
        {
            writer.WriteLine($"/// <typeparam name=\"THandlers\">The class deriving from <see cref=\"{receiverType}\"/> that handles its events.</typeparam>");
        }

        writer.WriteLine("/// <param name=\"services\">The app's services.</param>");
        writer.WriteLine("/// <param name=\"configure\">Sets options in code, after configuration is bound.</param>");
        if (receiver.IsAbstract)
        {
            writer.WriteLine($"public static {KnownTypes.IServiceCollection} Add{name}<[{KnownTypes.PublicConstructors}] THandlers>(this {KnownTypes.IServiceCollection} services, global::System.Action<{KnownTypes.WebhookReceiverOptions}>? configure = null)");
            writer.WriteLine($"    where THandlers : {receiverType}");
            writer.WriteLine($"    => {KnownTypes.ServiceRegistration}.AddWebhookReceiver<{receiverType}, THandlers>(services, {descriptors}.Receiver, configure);");
        }
        else
        {
            writer.WriteLine($"public static {KnownTypes.IServiceCollection} Add{name}(this {KnownTypes.IServiceCollection} services, global::System.Action<{KnownTypes.WebhookReceiverOptions}>? configure = null)");
            writer.WriteLine($"    => {KnownTypes.ServiceRegistration}.AddWebhookReceiver<{receiverType}>(services, {descriptors}.Receiver, configure);");
        }
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static void EmitEndpointExtensions(SourceWriter writer, ReceiverDeclaration receiver, SpecModel spec, string accessibility, string descriptors, Dictionary<string, string> members)
    {
        var name = receiver.ClassName;
        writer.OpenBlock("namespace Microsoft.AspNetCore.Builder");
        writer.WriteLine($"/// <summary>Maps the endpoints of <see cref=\"{CSharp.QualifiedName(receiver.Namespace, name)}\"/>.</summary>");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"{accessibility} static class {name}EndpointRouteBuilderExtensions");
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// Maps one endpoint per event under <paramref name=\"routePrefix\"/> (default <c>{CSharp.EscapeXml(spec.RoutePrefix.Length == 0 ? "/" : spec.RoutePrefix)}</c>, from the spec's server URL).");
        writer.WriteLine("/// Each endpoint reads the raw body, verifies its signature before parsing it, then calls the handler.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"endpoints\">The app.</param>");
        writer.WriteLine("/// <param name=\"routePrefix\">Replaces the spec's route prefix.</param>");
        writer.WriteLine("/// <returns>The endpoints' group, for conventions such as authorization, rate limiting or host filters.</returns>");
        writer.OpenBlock($"public static {KnownTypes.RouteGroupBuilder} Map{name}(this {KnownTypes.IEndpointRouteBuilder} endpoints, string? routePrefix = null)");
        writer.WriteLine($"var group = {KnownTypes.EndpointRegistration}.MapWebhookReceiverGroup(endpoints, {descriptors}.Receiver, routePrefix);");
        var shared = 0;
        foreach (var route in spec.Routes)
        {
            // Each endpoint carries its descriptor as metadata (for the app's OpenAPI document, WebhookGen.OpenApi).
            writer.WriteLine(route.NeedsRouteDescriptor
                ? $"{KnownTypes.EndpointRegistration}.MapWebhookRoute(group, {CSharp.Literal(route.HttpMethod)}, {CSharp.Literal(route.Route)}, {descriptors}.{RouteName(shared++)});"
                : $"{KnownTypes.EndpointRegistration}.MapWebhookEvent(group, {CSharp.Literal(route.HttpMethod)}, {CSharp.Literal(route.Route)}, {descriptors}.{members[route.Events[0].Identifier]});");
        }

        writer.WriteLine("return group;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>The receiver's body formats when any event is a signed JWT; null for JSON only, the descriptor's default.</summary>
    private static string? BodyFormatsExpression(SpecModel spec)
    {
        var jwt = spec.Events.Any(e => e.BodyFormat == EventBodyFormat.Jwt);
        var json = spec.Events.Any(e => e.BodyFormat == EventBodyFormat.Json);
        return !jwt ? null : json ? $"{KnownTypes.BodyFormats}.Json | {KnownTypes.BodyFormats}.Jwt" : $"{KnownTypes.BodyFormats}.Jwt";
    }

    private static string RouteSummary(RouteModel route)
    {
        var count = route.Events.Count.ToString(CultureInfo.InvariantCulture) + (route.Events.Count == 1 ? " event" : " events");
        var ignored = route.Ignored.IsEmpty ? string.Empty : ", " + route.Ignored.Count.ToString(CultureInfo.InvariantCulture) + " more acknowledged but not handled";
        var by = route.IsShared ? ", told apart by the " + string.Join(" and the ", route.Selectors.Select(s => CSharp.EscapeXml(s.ToString()))) : string.Empty;
        return count + ignored + by;
    }

    private static string SelectorExpression(RouteModel route)
    {
        if (!route.IsShared)
        {
            return "selector: null";
        }

        var parts = route.Selectors.Select(s => $"{KnownTypes.EventSelector}.{(s.Kind == SelectorKind.Header ? "Header" : "BodyProperty")}({CSharp.Literal(s.Name)})").ToList();
        return parts.Count == 1 ? parts[0] : $"{KnownTypes.EventSelector}.Combine({string.Join(", ", parts)})";
    }

    /// <summary>An event's key: its one value as a literal, or <c>WebhookEventSelector.Key(...)</c> over several.</summary>
    private static string KeyExpression(RouteEventModel evt) => evt.Values.Count switch
    {
        0 => CSharp.Literal(string.Empty),
        1 => CSharp.Literal(evt.Values[0]),
        _ => $"{KnownTypes.EventSelector}.Key({string.Join(", ", evt.Values.Select(CSharp.Literal))})",
    };

    /// <summary>The descriptor of the n-th route that needs one (several events, or events not handled).</summary>
    private static string RouteName(int index) => index == 0 ? "SharedRoute" : "SharedRoute" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string PayloadReader(TypeRef payload, string? ns, string context) => payload.Kind switch
    {
        ValueKind.Object => $"{context}.Read{payload.Name}",
        _ => $"static (ref {KnownTypes.Utf8JsonReader} reader) => {KnownTypes.WebhookJson}.ReadElement(ref reader)",
    };
}
