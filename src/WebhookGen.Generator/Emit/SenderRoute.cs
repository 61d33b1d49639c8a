using System.Collections.Generic;
using System.Linq;
using System.Text;
using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Emit;

/// <summary>
/// An event's route as the sender fills it in: each template variable (<c>{id}</c> in <c>/customer/{id}</c>) becomes a
/// <c>string</c> parameter of its <c>Send{Event}Async</c>, and the path is the literal parts joined with the values, each
/// escaped as one path segment.
/// </summary>
internal sealed class SenderRoute
{
    /// <summary>The parameters every <c>Send{Event}Async</c> has; a variable of one of these names takes the suffix <c>Value</c>.</summary>
    private static readonly HashSet<string> SendParameters = new(System.StringComparer.Ordinal) { "payload", "id", "cancellationToken" };

    private readonly List<(string Text, bool IsVariable)> _parts;

    private SenderRoute(List<(string Text, bool IsVariable)> parts, IReadOnlyList<(string Variable, string Parameter)> variables)
    {
        _parts = parts;
        Variables = variables;
    }

    /// <summary>Each template variable, in route order, with the parameter that gives its value.</summary>
    public IReadOnlyList<(string Variable, string Parameter)> Variables { get; }

    public static SenderRoute Parse(string route)
    {
        var parts = new List<(string, bool)>();
        var variables = new List<(string, string)>();
        var used = new HashSet<string>(System.StringComparer.Ordinal);
        var from = 0;
        while (from < route.Length)
        {
            var open = route.IndexOf('{', from);
            var close = open < 0 ? -1 : route.IndexOf('}', open + 1);
            if (close < 0)
            {
                parts.Add((route.Substring(from), false));
                break;
            }

            if (open > from)
            {
                parts.Add((route.Substring(from, open - from), false));
            }

            var variable = route.Substring(open + 1, close - open - 1);
            var parameter = variables.FirstOrDefault(v => v.Item1 == variable).Item2;
            if (parameter is null)
            {
                parameter = Identifiers.MakeUnique(Identifiers.Unreserved(CamelCase(variable), string.Empty, SendParameters), used);
                variables.Add((variable, parameter));
            }

            parts.Add((parameter, true));
            from = close + 1;
        }

        return new SenderRoute(parts, variables);
    }

    /// <summary>C# that computes the path after <paramref name="prefix"/>: literals and escaped parameters.</summary>
    public string PathExpression(string prefix)
    {
        var pieces = new List<string> { prefix };
        pieces.AddRange(_parts.Select(p => p.IsVariable ? $"global::System.Uri.EscapeDataString({p.Text})" : CSharp.Literal(p.Text)));
        return string.Join(" + ", pieces);
    }

    /// <summary>A parameter name: the variable in camelCase, a keyword escaped (<c>{class}</c> → <c>@class</c>).</summary>
    private static string CamelCase(string variable)
    {
        var pascal = Identifiers.ToPascalCase(variable);
        var escaped = pascal.StartsWith("@", System.StringComparison.Ordinal);
        var bare = escaped ? pascal.Substring(1) : pascal;
        var camel = new StringBuilder(bare);
        camel[0] = char.ToLowerInvariant(camel[0]);
        var name = camel.ToString();
        return Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;
    }
}
