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
}
