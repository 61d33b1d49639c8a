using System;

namespace WebhookGen;

/// <summary>
/// Marks a <see langword="partial"/> class as the receiver of the webhooks that an OpenAPI document describes.
/// At compile time WebhookGen generates the event types, their JSON serialization, one handler declaration per
/// event and the <c>Add{Class}</c> / <c>Map{Class}</c> extension methods.
/// </summary>
/// <remarks>
/// The spec must be an <c>AdditionalFiles</c> item of the project, for example
/// <c>&lt;AdditionalFiles Include="webhooks.yaml" /&gt;</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class WebhookReceiverAttribute : Attribute
{
    /// <summary>Binds the class to a spec.</summary>
    /// <param name="specPath">
    /// The spec's path relative to the project (<c>specs/gridx/webhooks.yaml</c>) or its file name
    /// (<c>webhooks.yaml</c>), matched against the project's <c>AdditionalFiles</c> items.
    /// </param>
    public WebhookReceiverAttribute(string specPath) => SpecPath = specPath;

    /// <summary>The spec's path relative to the project, or its file name.</summary>
    public string SpecPath { get; }

    /// <summary>
    /// The events this receiver handles, when not all of the spec's: only these get a handler (and only the types they
    /// use are generated); every other event of the spec is verified, acknowledged and counted, never answered 404.
    /// Each entry is an event's name in the spec (<c>issues-opened</c>), its key on a shared route (<c>issues.opened</c>,
    /// or <c>push</c> for an event without an action), the first part of that key for a whole group (<c>issues</c>), or a
    /// pattern with <c>*</c> over any of those (<c>pull_request.*</c>). An entry that matches no event is a build error
    /// (WHG021). Unset, every event of the spec is a handler to write.
    /// </summary>
    /// <example><c>[WebhookReceiver("api.github.com.json", Events = ["issues", "pull_request.opened", "push"])]</c></example>
#pragma warning disable CA1819 // Attribute arguments are arrays by the language's rules.
    public string[]? Events { get; set; }
#pragma warning restore CA1819
}
