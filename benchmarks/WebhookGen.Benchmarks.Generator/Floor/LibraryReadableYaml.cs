using WebhookGen.Generator.Reading;
using YamlDotNet.Core;

namespace WebhookGen.Benchmarks.Generator.Floor;

/// <summary>
/// A spec's text as YamlDotNet accepts it. Some real specs (openai) have whitespace-only lines at the top of a block
/// scalar, which YamlDotNet rejects; the generator repairs them with <see cref="YamlBlockScalarRepair"/> and parses
/// again. The floor and the peer are given the repaired text, prepared once before the timing.
/// </summary>
internal static class LibraryReadableYaml
{
    private const int MaxRepairs = 64;

    /// <param name="repairs">How many block scalars had to be repaired.</param>
    public static string Prepare(string yaml, out int repairs)
    {
        string current = yaml;
        for (repairs = 0; ; repairs++)
        {
            try
            {
                YamlToJsonNode.Read(current);
                return current;
            }
            catch (YamlException exception) when (repairs < MaxRepairs && YamlBlockScalarRepair.TryRepair(current, exception, out string repaired))
            {
                current = repaired;
            }
        }
    }
}
