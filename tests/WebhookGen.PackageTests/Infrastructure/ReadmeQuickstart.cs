using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace WebhookGen.PackageTests.Infrastructure;

/// <summary>
/// The code blocks of the README's Quickstart, as written there (their list indentation removed), so that the package
/// test follows the README itself rather than a copy of it.
/// </summary>
internal static partial class ReadmeQuickstart
{
    private static readonly Lazy<List<(string Language, string Code)>> Blocks = new(Read);

    /// <summary>Step 2: the spec as an <c>AdditionalFiles</c> item.</summary>
    public static string SpecItem => Single("xml", "<AdditionalFiles");

    /// <summary>Step 3: the receiver's declaration, an empty class.</summary>
    public static string ReceiverDeclaration => Single("csharp", "[WebhookReceiver(");

    /// <summary>Step 4: the one handler the README writes out.</summary>
    public static string Handler => Single("csharp", "public partial ValueTask<WebhookResult> On");

    /// <summary>Step 5: the registration and mapping lines, for Program.cs.</summary>
    public static string Registration => Single("csharp", "builder.Services.Add");

    /// <summary>Step 7: the shell commands that sign an event and post it.</summary>
    public static string SignAndPost => Single("bash", "openssl dgst");

    private static string Single(string language, string containing)
    {
        var matches = Blocks.Value.Where(b => b.Language == language && b.Code.Contains(containing, StringComparison.Ordinal)).ToList();
        return matches.Count == 1
            ? matches[0].Code
            : throw new InvalidOperationException($"the README's Quickstart has {matches.Count} {language} blocks containing '{containing}', not one");
    }

    private static List<(string Language, string Code)> Read()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = readme.IndexOf("\n## Quickstart\n", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        if (start < 0 || end < 0)
        {
            throw new InvalidOperationException("the README has no '## Quickstart' section followed by another");
        }

        return Fence().Matches(readme[start..end])
            .Select(m => (m.Groups["language"].Value, Dedent(m.Groups["code"].Value, m.Groups["indent"].Value.Length)))
            .ToList();
    }

    private static string Dedent(string code, int indent) =>
        string.Join('\n', code.Split('\n').Select(line => line.Length >= indent && line[..indent].Trim().Length == 0 ? line[indent..] : line.TrimStart()));

    [GeneratedRegex(@"^(?<indent>[ ]*)```(?<language>\w+)\n(?<code>.*?)\n[ ]*```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}
