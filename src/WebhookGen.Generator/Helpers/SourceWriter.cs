using System;
using System.Text;

namespace WebhookGen.Generator.Helpers;

/// <summary>Writes C# source with indentation; multi-line fragments are re-indented line by line.</summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;
    private readonly StringBuilder _builder = new();
    private int _indentation;

    public SourceWriter WriteLine()
    {
        _builder.Append('\n');
        return this;
    }

    public SourceWriter WriteLine(string text)
    {
        if (text.IndexOf('\n') < 0)
        {
            AppendLine(text);
            return this;
        }

        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            AppendLine(line);
        }

        return this;
    }

    public SourceWriter OpenBlock(string header)
    {
        WriteLine(header);
        WriteLine("{");
        _indentation++;
        return this;
    }

    public SourceWriter OpenBrace()
    {
        WriteLine("{");
        _indentation++;
        return this;
    }

    public SourceWriter CloseBlock(string suffix = "")
    {
        _indentation--;
        WriteLine("}" + suffix);
        return this;
    }

    public override string ToString() => _builder.ToString();

    private void AppendLine(string line)
    {
        if (line.Length > 0)
        {
            _builder.Append(' ', _indentation * IndentSize);
            _builder.Append(line);
        }

        _builder.Append('\n');
    }
}
