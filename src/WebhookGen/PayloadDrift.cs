namespace WebhookGen;

/// <summary>One member of a payload that differs from the spec, and how. Never carries the value.</summary>
/// <param name="Path">
/// The member as wire names from the payload's root: <c>pull_request.head.repo.has_discussions</c>; an array's items are
/// <c>[]</c> and a map's values <c>*</c>, never an index or a key, so the paths a spec allows are a bounded set.
/// </param>
/// <param name="Kind">How it differs.</param>
public sealed record PayloadDrift(string Path, PayloadDriftKind Kind);
