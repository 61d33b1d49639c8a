using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace WebhookGen.IntegrationTests.Schemes;

/// <summary>
/// A configuration source whose values a test replaces while the app runs, raising the same reload signal a JSON file
/// with <c>reloadOnChange</c> or a vault provider raises: what the options monitor of each receiver listens to.
/// </summary>
public sealed class ReloadableConfiguration : IConfigurationSource
{
    private readonly Provider _provider;

    public ReloadableConfiguration(IReadOnlyDictionary<string, string?> values) => _provider = new Provider(values);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => _provider;

    /// <summary>Replaces every value, then signals the reload (synchronously: the options are rebuilt before this returns).</summary>
    public void Reload(IReadOnlyDictionary<string, string?> values) => _provider.Replace(values);

    private sealed class Provider : ConfigurationProvider
    {
        public Provider(IReadOnlyDictionary<string, string?> values) => Data = Copy(values);

        public void Replace(IReadOnlyDictionary<string, string?> values)
        {
            Data = Copy(values);
            OnReload();
        }

        private static Dictionary<string, string?> Copy(IReadOnlyDictionary<string, string?> values)
        {
            ArgumentNullException.ThrowIfNull(values);
            var copy = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in values)
            {
                copy[key] = value;
            }

            return copy;
        }
    }
}
