namespace WebhookGen.Generator;

/// <summary>The names of the pipeline's steps, which the incremental-caching tests look up.</summary>
internal static class TrackingNames
{
    public const string Receivers = nameof(Receivers);
    public const string AdditionalFilePaths = nameof(AdditionalFilePaths);
    public const string Bindings = nameof(Bindings);
    public const string SpecFiles = nameof(SpecFiles);
    public const string ReferenceScans = nameof(ReferenceScans);
    public const string SpecSources = nameof(SpecSources);
    public const string Specs = nameof(Specs);
    public const string ReceiverModels = nameof(ReceiverModels);
    public const string ReceiverOutputs = nameof(ReceiverOutputs);
    public const string OpenApi = nameof(OpenApi);
}
