using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Microsoft.OpenApi.Reader;
using Shouldly;
using WebhookGen.Generator.Reading;
using Xunit;
using Xunit.Abstractions;

namespace WebhookGen.Generator.Tests.Reading;

public class SpecTextReaderTests
{
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] ExpectedKeys = { "200", "201", "true", "~", "1.50", "null" };

    private readonly ITestOutputHelper _output;

    public SpecTextReaderTests(ITestOutputHelper output)
    {
        _output = output;
    }

    // ---- YAML scalar typing -------------------------------------------------------------------------------

    [Theory]
    // Quoted and block scalars are strings, whatever they look like (gridX writes "9312355" and "1.0").
    [InlineData("\"9312355\"", "\"9312355\"")]
    [InlineData("\"1.0\"", "\"1.0\"")]
    [InlineData("'42'", "\"42\"")]
    [InlineData("\"true\"", "\"true\"")]
    [InlineData("'null'", "\"null\"")]
    [InlineData("\"\"", "\"\"")]
    [InlineData("\"1e3\"", "\"1e3\"")]
    // Plain null, bool.
    [InlineData("null", "null")]
    [InlineData("Null", "null")]
    [InlineData("NULL", "null")]
    [InlineData("~", "null")]
    [InlineData("", "null")]
    [InlineData("nULL", "\"nULL\"")]
    [InlineData("true", "true")]
    [InlineData("True", "true")]
    [InlineData("TRUE", "true")]
    [InlineData("false", "false")]
    [InlineData("False", "false")]
    [InlineData("FALSE", "false")]
    [InlineData("tRUE", "\"tRUE\"")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("on", "\"on\"")]
    [InlineData("off", "\"off\"")]
    // Plain integers: decimal, octal, hexadecimal; JSON spelling (no '+', no leading zeros).
    [InlineData("9312355", "9312355")]
    [InlineData("0", "0")]
    [InlineData("-12", "-12")]
    [InlineData("+12", "12")]
    [InlineData("007", "7")]
    [InlineData("0o17", "15")]
    [InlineData("0x1F", "31")]
    [InlineData("0xff", "255")]
    [InlineData("12345678901234567890", "12345678901234567890")]
    [InlineData("-123456789012345678901234567890", "-123456789012345678901234567890")]
    [InlineData("0xFFFFFFFFFFFFFFFFFFFF", "1208925819614629174706175")]
    // Plain floats, digits kept as written.
    [InlineData("1.0", "1.0")]
    [InlineData("1.10", "1.10")]
    [InlineData("3.14159265358979323846264338327950288", "3.14159265358979323846264338327950288")]
    [InlineData(".5", "0.5")]
    [InlineData("-.5", "-0.5")]
    [InlineData("1.", "1")]
    [InlineData("1e3", "1e3")]
    [InlineData("-1.5E-3", "-1.5e-3")]
    [InlineData("+2.5e+10", "2.5e+10")]
    [InlineData("1e400", "1e400")]
    // .inf and .nan have no JSON form: strings.
    [InlineData(".inf", "\".inf\"")]
    [InlineData("-.Inf", "\"-.Inf\"")]
    [InlineData("+.INF", "\"+.INF\"")]
    [InlineData(".nan", "\".nan\"")]
    [InlineData(".NaN", "\".NaN\"")]
    // Anything else is a string.
    [InlineData("1_000", "\"1_000\"")]
    [InlineData("0b101", "\"0b101\"")]
    [InlineData("0o8", "\"0o8\"")]
    [InlineData("0x", "\"0x\"")]
    [InlineData("1.2.3", "\"1.2.3\"")]
    [InlineData("1e", "\"1e\"")]
    [InlineData("+", "\"+\"")]
    [InlineData("-x", "\"-x\"")]
    [InlineData(".", "\".\"")]
    [InlineData("2024-01-01", "\"2024-01-01\"")]
    [InlineData("1.0.0-beta", "\"1.0.0-beta\"")]
    [InlineData("hello world", "\"hello world\"")]
    // Explicit tags.
    [InlineData("!!str 42", "\"42\"")]
    [InlineData("!!str true", "\"true\"")]
    [InlineData("!!str", "\"\"")]
    [InlineData("!!int \"42\"", "42")]
    [InlineData("!!int 0x10", "16")]
    [InlineData("!!float 1", "1")]
    [InlineData("!!float \"2.50\"", "2.50")]
    [InlineData("!!float .inf", "\".inf\"")]
    [InlineData("!!bool \"true\"", "true")]
    [InlineData("!!null \"\"", "null")]
    [InlineData("! 42", "\"42\"")]
    [InlineData("!custom 42", "\"42\"")]
    public void Yaml_scalars_are_typed_by_the_core_schema(string yaml, string expectedJson)
    {
        SpecTextReadResult result = ReadYaml("value: " + yaml + "\n");

        result.Error.ShouldBeNull();
        JsonNode? value = result.Root!["value"];
        (value?.ToJsonString(Unescaped) ?? "null").ShouldBe(expectedJson);
    }

    [Fact]
    public void Yaml_numbers_behave_like_parsed_json_numbers()
    {
        SpecTextReadResult result = ReadYaml("int: 42\nfloat: 2.5\nbig: 12345678901234567890\n");

        result.Error.ShouldBeNull();
        result.Root!["int"]!.GetValue<int>().ShouldBe(42);
        result.Root["int"]!.GetValue<long>().ShouldBe(42L);
        result.Root["int"]!.GetValue<decimal>().ShouldBe(42m);
        result.Root["int"]!.GetValueKind().ShouldBe(JsonValueKind.Number);
        result.Root["float"]!.GetValue<double>().ShouldBe(2.5);
        result.Root["big"]!.GetValue<decimal>().ShouldBe(12345678901234567890m);
        result.Root["big"]!.ToJsonString().ShouldBe("12345678901234567890");
    }

    [Theory]
    [InlineData("!!int abc", "!!int")]
    [InlineData("!!bool yes", "!!bool")]
    [InlineData("!!float x1", "!!float")]
    public void Yaml_tag_that_does_not_fit_its_value_is_an_error(string yaml, string tag)
    {
        SpecTextReadResult result = ReadYaml("a: 1\nvalue: " + yaml + "\n");

        result.Root.ShouldBeNull();
        result.Error.ShouldNotBeNull();
        result.Error.ShouldContain(tag);
        result.ErrorPosition.ShouldBe(new SourcePosition(1, 7));
    }

    [Fact]
    public void Yaml_block_scalars_are_strings()
    {
        const string yaml =
            "literal: |\n" +
            "  42\n" +
            "  line two\n" +
            "strip: |-\n" +
            "  true\n" +
            "keep: |+\n" +
            "  1.0\n" +
            "\n" +
            "folded: >\n" +
            "  a\n" +
            "  b\n" +
            "foldedStrip: >-\n" +
            "  9312355\n" +
            "end: 1\n";

        SpecTextReadResult result = ReadYaml(yaml);

        result.Error.ShouldBeNull();
        result.Root!["literal"]!.GetValue<string>().ShouldBe("42\nline two\n");
        result.Root["strip"]!.GetValue<string>().ShouldBe("true");
        result.Root["keep"]!.GetValue<string>().ShouldBe("1.0\n\n");
        result.Root["folded"]!.GetValue<string>().ShouldBe("a b\n");
        result.Root["foldedStrip"]!.GetValue<string>().ShouldBe("9312355");
        result.Root["end"]!.GetValue<int>().ShouldBe(1);
    }

    // ---- YAML keys ----------------------------------------------------------------------------------------

    [Fact]
    public void Yaml_mapping_keys_are_strings()
    {
        const string yaml =
            "200: plain\n" +
            "\"201\": quoted\n" +
            "true: bool\n" +
            "~: tilde\n" +
            "1.50: float\n" +
            "null: word\n";

        SpecTextReadResult result = ReadYaml(yaml);

        result.Error.ShouldBeNull();
        JsonObject root = result.Root!.AsObject();
        root.Select(p => p.Key).ShouldBe(ExpectedKeys);
        root["200"]!.GetValue<string>().ShouldBe("plain");
        root["201"]!.GetValue<string>().ShouldBe("quoted");
    }

    [Fact]
    public void Yaml_duplicate_keys_keep_the_last_value()
    {
        SpecTextReadResult result = ReadYaml("a: 1\nb: x\na:\n  nested: 2\n");

        result.Error.ShouldBeNull();
        result.Root!["a"]!["nested"]!.GetValue<int>().ShouldBe(2);
        result.Root.AsObject().Count.ShouldBe(2);
        result.Positions.TryGetPosition("/a", out SourcePosition position).ShouldBeTrue();
        position.ShouldBe(new SourcePosition(3, 2));
        result.Positions.TryGetPosition("/a/nested", out _).ShouldBeTrue();
    }

    [Fact]
    public void Yaml_mapping_used_as_a_key_is_an_error()
    {
        SpecTextReadResult result = ReadYaml("? [a, b]\n: value\n");

        result.Root.ShouldBeNull();
        result.Error.ShouldNotBeNull();
        result.ErrorPosition.Line.ShouldBe(0);
    }

    // ---- anchors, aliases, merge keys ---------------------------------------------------------------------

    [Fact]
    public void Yaml_aliases_are_resolved_into_copies()
    {
        const string yaml =
            "base: &b\n" +
            "  type: object\n" +
            "  list: [1, \"2\", {x: y}]\n" +
            "copy: *b\n" +
            "word: &w hello\n" +
            "again: *w\n" +
            "*w : key from alias\n" +
            "items:\n" +
            "  - *b\n" +
            "  - *w\n";

        SpecTextReadResult result = ReadYaml(yaml);

        result.Error.ShouldBeNull();
        JsonNode root = result.Root!;
        JsonNode.DeepEquals(root["copy"], root["base"]).ShouldBeTrue();
        JsonNode.DeepEquals(root["items"]![0], root["base"]).ShouldBeTrue();
        root["copy"].ShouldNotBeSameAs(root["base"]);
        root["again"]!.GetValue<string>().ShouldBe("hello");
        root["hello"]!.GetValue<string>().ShouldBe("key from alias");
        root["items"]![1]!.GetValue<string>().ShouldBe("hello");

        // A copy is a tree of its own.
        root["copy"]!["type"] = "changed";
        root["base"]!["type"]!.GetValue<string>().ShouldBe("object");

        // Positions inside a copy fall back to where the alias is written.
        result.Positions.TryGetPosition("/copy", out SourcePosition alias).ShouldBeTrue();
        alias.ShouldBe(new SourcePosition(3, 6));
        result.Positions.TryGetPosition("/copy/list/2/x", out _).ShouldBeFalse();
        result.Positions.GetPositionOrNearest("/copy/list/2/x").ShouldBe(alias);
    }

    [Fact]
    public void Yaml_merge_keys_add_missing_entries()
    {
        const string yaml =
            "defaults: &d\n" +
            "  a: 1\n" +
            "  b: 2\n" +
            "more: &m\n" +
            "  b: 20\n" +
            "  c: 30\n" +
            "x:\n" +
            "  <<: *d\n" +
            "  a: 100\n" +
            "y:\n" +
            "  <<: [*d, *m]\n" +
            "z:\n" +
            "  q: 2\n" +
            "  <<: {p: 1, q: 3}\n" +
            "w:\n" +
            "  <<:\n" +
            "    - *m\n" +
            "    - {c: 0, e: 5}\n" +
            "quoted:\n" +
            "  \"<<\": not a merge\n";

        SpecTextReadResult result = ReadYaml(yaml);

        result.Error.ShouldBeNull();
        JsonNode root = result.Root!;
        root["x"]!.ToJsonString().ShouldBe("{\"a\":100,\"b\":2}");
        root["y"]!.ToJsonString().ShouldBe("{\"a\":1,\"b\":2,\"c\":30}");
        root["z"]!.ToJsonString().ShouldBe("{\"q\":2,\"p\":1}");
        root["w"]!.ToJsonString().ShouldBe("{\"b\":20,\"c\":30,\"e\":5}");
        root["quoted"]!["<<"]!.GetValue<string>().ShouldBe("not a merge");

        // The sources are untouched.
        root["defaults"]!.ToJsonString().ShouldBe("{\"a\":1,\"b\":2}");
        root["more"]!.ToJsonString().ShouldBe("{\"b\":20,\"c\":30}");
    }

    [Theory]
    [InlineData("a:\n  <<: 5\n")]
    [InlineData("a:\n  <<: [1, 2]\n")]
    [InlineData("s: &s text\na:\n  <<: *s\n")]
    public void Yaml_merge_key_with_a_scalar_value_is_an_error(string yaml)
    {
        SpecTextReadResult result = ReadYaml(yaml);

        result.Root.ShouldBeNull();
        result.Error!.ShouldContain("merge key");
    }

    [Fact]
    public void Yaml_alias_to_an_unknown_anchor_is_an_error()
    {
        SpecTextReadResult result = ReadYaml("a: 1\nb: *nowhere\n");

        result.Root.ShouldBeNull();
        result.Error!.ShouldContain("*nowhere");
        result.ErrorPosition.ShouldBe(new SourcePosition(1, 3));
    }

    [Fact]
    public void Yaml_alias_bomb_is_an_error_not_an_exception()
    {
        const string yaml =
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n" +
            "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n" +
            "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n" +
            "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n" +
            "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n" +
            "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n" +
            "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n" +
            "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n" +
            "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";

        SpecTextReadResult result = ReadYaml(yaml);

        result.Root.ShouldBeNull();
        result.Error!.ShouldContain("alias bomb");
        result.ErrorPosition.Line.ShouldBe(6); // The copies of *f (597,871 nodes each) pass 5 million on the line of g.
    }

    [Fact]
    public void Yaml_node_cap_counts_merged_and_aliased_nodes()
    {
        const string yaml =
            "a: &a {x: 1, y: 2, z: 3}\n" +
            "b: *a\n" +
            "c:\n" +
            "  <<: *a\n";

        YamlToJsonConverter.Convert(yaml, maxNodeCount: 100, CancellationToken.None).Error.ShouldBeNull();

        SpecTextReadResult capped = YamlToJsonConverter.Convert(yaml, maxNodeCount: 10, CancellationToken.None);
        capped.Root.ShouldBeNull();
        capped.Error!.ShouldContain("alias bomb");
        capped.ErrorPosition.Line.ShouldBe(3);
    }

    // ---- multi-document, empty ----------------------------------------------------------------------------

    [Fact]
    public void Yaml_stream_reads_the_first_document()
    {
        SpecTextReadResult result = ReadYaml("a: 1\n---\nb: 2\n--- [\n");

        result.Error.ShouldBeNull();
        result.Root!.ToJsonString().ShouldBe("{\"a\":1}");
    }

    [Theory]
    [InlineData("spec.yaml", "")]
    [InlineData("spec.yaml", "   \n\n")]
    [InlineData("spec.yaml", "# only a comment\n")]
    [InlineData("spec.yaml", "---\n")]
    [InlineData("spec.yaml", "---\n...\n")]
    [InlineData("spec.json", "")]
    [InlineData("spec.json", "  \r\n ")]
    [InlineData("spec", "")]
    public void Empty_input_is_an_error(string path, string text)
    {
        SpecTextReadResult result = SpecTextReader.Read(path, text, CancellationToken.None);

        result.Root.ShouldBeNull();
        result.Error.ShouldBe("The spec is empty.");
        result.Succeeded.ShouldBeFalse();
    }

    // ---- the whitespace-only block scalar line --------------------------------------------------------------

    [Theory]
    // The openai-openapi.yaml shape: a keep-chomped literal with one line of spaces and no content.
    [InlineData("a:\n  example: |+\n      \n  next: 1\n", "\n")]
    [InlineData("a:\n  example: |\n      \n  next: 1\n", "")]
    [InlineData("a:\n  example: |-\n      \n  next: 1\n", "")]
    [InlineData("a:\n  example: >+\n      \n  next: 1\n", "\n")]
    [InlineData("a:\n  example: |+ # comment\n      \n  next: 1\n", "\n")]
    [InlineData("a:\n  example: |+\n      \n\n        \n  next: 1\n", "\n\n\n")]
    [InlineData("a:\n  example: |+\r\n      \r\n  next: 1\r\n", "\n")]
    // Valid YAML that YamlDotNet rejects too: a leading line of spaces, then content as deep.
    [InlineData("a:\n  example: |\n      \n      text\n  next: 1\n", "\ntext\n")]
    [InlineData("a:\n  - |\n      \n      text\n  - 1\n", null)]
    public void Yaml_block_scalar_whose_first_lines_are_only_spaces_is_read(string yaml, string? expected)
    {
        SpecTextReadResult result = ReadYaml(yaml);

        result.Error.ShouldBeNull();
        if (expected is null)
        {
            result.Root!["a"]![0]!.GetValue<string>().ShouldBe("\ntext\n");
            result.Root["a"]![1]!.GetValue<int>().ShouldBe(1);
            return;
        }

        result.Root!["a"]!["example"]!.GetValue<string>().ShouldBe(expected);
        result.Root["a"]!["next"]!.GetValue<int>().ShouldBe(1);

        // Line numbers are those of the original text.
        int nextLine = yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList().FindIndex(l => l.StartsWith("  next", StringComparison.Ordinal));
        result.Positions.TryGetKeyPosition("/a/next", out SourcePosition key).ShouldBeTrue();
        key.ShouldBe(new SourcePosition(nextLine, 2));
    }

    [Fact]
    public void Yaml_lines_of_spaces_inside_block_content_are_kept()
    {
        // "x: |" here is text of the outer literal; the line of spaces after it is content (8 - 2 = 6 spaces).
        const string yaml =
            "doc: |\n" +
            "  sample:\n" +
            "    x: |\n" +
            "        \n" +
            "    y: 1\n" +
            "z: 2\n";

        SpecTextReadResult result = ReadYaml(yaml);

        result.Error.ShouldBeNull();
        result.Root!["doc"]!.GetValue<string>().ShouldBe("sample:\n  x: |\n      \n  y: 1\n");
    }

    [Fact]
    public void Yaml_explicit_indentation_indicator_is_not_repaired()
    {
        // With "|2" the spaces past the indentation are content; blanking them would change the value, so
        // YamlDotNet's rejection stands.
        SpecTextReadResult result = ReadYaml("a: |2\n      \n  text\nb: 1\n");

        result.Root.ShouldBeNull();
        result.Error!.ShouldStartWith("While scanning a literal block scalar, found extra spaces in first line");
    }

    [Theory]
    [InlineData("key: |+", true)]
    [InlineData("key: |", true)]
    [InlineData("key: >-", true)]
    [InlineData("- |", true)]
    [InlineData("|", true)]
    [InlineData("key: !!str |  # note", true)]
    [InlineData("key: &anchor >+", true)]
    [InlineData("key: |2", false)]
    [InlineData("key: |+2", false)]
    [InlineData("key: a|", false)]
    [InlineData("key: value", false)]
    [InlineData("key: \"|\"", false)]
    public void Block_scalar_header_is_recognised(string line, bool expected)
    {
        YamlBlockScalarRepair.EndsWithAutoIndentedBlockScalarHeader(line).ShouldBe(expected);
    }

    // ---- positions ----------------------------------------------------------------------------------------

    [Fact]
    public void Yaml_positions_are_recorded_by_json_pointer()
    {
        const string yaml =
            "openapi: 3.0.3\n" +                      // 0
            "paths:\n" +                              // 1
            "  /events/appliance/create:\n" +         // 2
            "    post:\n" +                           // 3
            "      summary: Created\n" +              // 4
            "  a~b:\n" +                              // 5
            "    get: {}\n" +                         // 6
            "list:\n" +                               // 7
            "  - one\n" +                             // 8
            "  - two: 2\n" +                          // 9
            "\"quoted key\": 'v'\n";                  // 10

        SpecTextReadResult result = ReadYaml(yaml);

        result.Error.ShouldBeNull();
        SourcePositionMap map = result.Positions;
        Position(map, "").ShouldBe(new SourcePosition(0, 0));
        Position(map, "/openapi").ShouldBe(new SourcePosition(0, 9));
        Position(map, "/paths/~1events~1appliance~1create/post/summary").ShouldBe(new SourcePosition(4, 15));
        Position(map, "/paths/a~0b/get").ShouldBe(new SourcePosition(6, 9));
        Position(map, "/list/0").ShouldBe(new SourcePosition(8, 4));
        Position(map, "/list/1/two").ShouldBe(new SourcePosition(9, 9));
        Position(map, "/quoted key").ShouldBe(new SourcePosition(10, 14));
        Position(map, "#/openapi").ShouldBe(new SourcePosition(0, 9));

        // A block mapping starts at its first key; the key's own position is kept apart.
        Position(map, "/paths/~1events~1appliance~1create/post").ShouldBe(new SourcePosition(4, 6));
        map.TryGetKeyPosition("/paths/~1events~1appliance~1create/post", out SourcePosition key).ShouldBeTrue();
        key.ShouldBe(new SourcePosition(3, 4));
        map.TryGetKeyPosition("/paths/a~0b", out key).ShouldBeTrue();
        key.ShouldBe(new SourcePosition(5, 2));
        map.TryGetKeyPosition("/list/0", out _).ShouldBeFalse();

        map.TryGetSpan("/paths/~1events~1appliance~1create/post/summary", out SourcePosition start, out SourcePosition end).ShouldBeTrue();
        start.ShouldBe(new SourcePosition(4, 15));
        end.ShouldBe(new SourcePosition(4, 22));

        // Unknown pointers.
        map.TryGetPosition("/paths/~1events~1appliance~1create/post/requestBody", out _).ShouldBeFalse();
        map.GetPositionOrNearest("/paths/~1events~1appliance~1create/post/requestBody/content").ShouldBe(new SourcePosition(4, 6));
        map.TryGetPosition("/list/2", out _).ShouldBeFalse();
        map.TryGetPosition("/list/01", out _).ShouldBeFalse();
        map.TryGetPosition("/list/x", out _).ShouldBeFalse();
        map.GetPositionOrNearest("/nothing/here").ShouldBe(new SourcePosition(0, 0));
        map.GetPositionOrNearest("no-slash").ShouldBe(new SourcePosition(0, 0));
        map.TryGetPosition("/paths/~1events~1appliance~1create/", out _).ShouldBeFalse();
    }

    [Fact]
    public void Json_positions_are_recorded_by_json_pointer()
    {
        const string json =
            "{\r\n" +                                                   // 0
            "  // a comment\r\n" +                                      // 1
            "  \"paths\": {\r\n" +                                      // 2
            "    \"/events/appliance/create\": { \"post\": {\r\n" +     // 3
            "      \"summary\": \"Created\" } },\r\n" +                 // 4
            "    \"a~b\": [1, 2,],\r\n" +                               // 5
            "  },\r\n" +                                                // 6
            "  \"é\": \"😀\", \"x\": 1\r\n" +                            // 7
            "}\r\n";                                                    // 8

        SpecTextReadResult result = SpecTextReader.Read("spec.json", json, CancellationToken.None);

        result.Error.ShouldBeNull();
        result.IsYaml.ShouldBeFalse();
        SourcePositionMap map = result.Positions;
        Position(map, "").ShouldBe(new SourcePosition(0, 0));
        Position(map, "/paths").ShouldBe(new SourcePosition(2, 11));
        Position(map, "/paths/~1events~1appliance~1create").ShouldBe(new SourcePosition(3, 32));
        Position(map, "/paths/~1events~1appliance~1create/post").ShouldBe(new SourcePosition(3, 42));
        Position(map, "/paths/~1events~1appliance~1create/post/summary").ShouldBe(new SourcePosition(4, 17));
        Position(map, "/paths/a~0b/1").ShouldBe(new SourcePosition(5, 15));
        map.TryGetKeyPosition("/paths/~1events~1appliance~1create/post", out SourcePosition key).ShouldBeTrue();
        key.ShouldBe(new SourcePosition(3, 34));

        // Columns count characters, not UTF-8 bytes.
        map.TryGetKeyPosition("/x", out key).ShouldBeTrue();
        key.ShouldBe(new SourcePosition(7, 13));
        Position(map, "/x").ShouldBe(new SourcePosition(7, 18));

        map.TryGetSpan("/paths/~1events~1appliance~1create/post/summary", out SourcePosition start, out SourcePosition end).ShouldBeTrue();
        start.ShouldBe(new SourcePosition(4, 17));
        end.ShouldBe(new SourcePosition(4, 26));
        map.TryGetSpan("/paths/a~0b", out start, out end).ShouldBeTrue();
        start.ShouldBe(new SourcePosition(5, 11));
        end.ShouldBe(new SourcePosition(5, 18));

        map.GetPositionOrNearest("/paths/a~0b/7").ShouldBe(new SourcePosition(5, 11));
    }

    [Fact]
    public void Json_values_are_read_faithfully()
    {
        const string json =
            "{ \"big\": 12345678901234567890123, \"f\": 1.10, \"e\": -2.5E+3, \"s\": \"9312355\",\n" +
            "  \"esc\": \"a\\u00e9\\n\\\"/\", \"t\": true, \"n\": null, \"dup\": 1, \"dup\": [2], }";

        SpecTextReadResult result = SpecTextReader.Read("spec.json", json, CancellationToken.None);

        result.Error.ShouldBeNull();
        JsonNode root = result.Root!;
        root["big"]!.ToJsonString().ShouldBe("12345678901234567890123");
        root["f"]!.ToJsonString().ShouldBe("1.10");
        root["e"]!.GetValue<double>().ShouldBe(-2500d);
        root["s"]!.GetValue<string>().ShouldBe("9312355");
        root["esc"]!.GetValue<string>().ShouldBe("aé\n\"/");
        root["t"]!.GetValue<bool>().ShouldBeTrue();
        root.AsObject().ContainsKey("n").ShouldBeTrue();
        root["n"].ShouldBeNull();
        root["dup"]!.ToJsonString().ShouldBe("[2]");
    }

    // ---- format detection ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("spec.json", "{\"a\": 1}", false)]
    [InlineData("SPEC.JSON", "{\"a\": 1}", false)]
    [InlineData("spec.yaml", "{\"a\": 1}", true)]
    [InlineData("spec.yml", "a: 1", true)]
    [InlineData("spec.txt", "  \n {\"a\": 1}", false)]
    [InlineData("spec", "a: 1", true)]
    [InlineData("", "[1]", true)]
    public void Format_is_chosen_by_extension_then_first_character(string path, string text, bool isYaml)
    {
        SpecTextReadResult result = SpecTextReader.Read(path, text, CancellationToken.None);

        result.Error.ShouldBeNull();
        result.IsYaml.ShouldBe(isYaml);
    }

    [Fact]
    public void Byte_order_mark_is_skipped()
    {
        SpecTextReader.Read("spec.json", "\uFEFF{\"a\": 1}", CancellationToken.None).Root!["a"]!.GetValue<int>().ShouldBe(1);
        SpecTextReadResult yaml = SpecTextReader.Read("spec.yaml", "\uFEFFa: 1", CancellationToken.None);
        yaml.Root!["a"]!.GetValue<int>().ShouldBe(1);
        Position(yaml.Positions, "/a").ShouldBe(new SourcePosition(0, 3));
    }

    // ---- errors -------------------------------------------------------------------------------------------

    [Fact]
    public void Broken_yaml_reports_the_error_and_where_it_is()
    {
        SpecTextReadResult quoted = ReadYaml("a: 1\nb: \"abc\n");

        quoted.Root.ShouldBeNull();
        quoted.Error!.ShouldStartWith("While scanning a quoted scalar, found unexpected end of stream");
        quoted.ErrorPosition.ShouldBe(new SourcePosition(1, 3));
        quoted.IsYaml.ShouldBeTrue();

        SpecTextReadResult indent = ReadYaml("paths:\n  a: 1\n    b: 2\n");

        indent.Root.ShouldBeNull();
        indent.Error.ShouldNotBeNull();
        indent.ErrorPosition.Line.ShouldBe(2);
    }

    [Fact]
    public void Broken_json_reports_the_error_and_where_it_is()
    {
        SpecTextReadResult result = SpecTextReader.Read("spec.json", "{\n  \"a\": 1,\n  \"b\": }\n", CancellationToken.None);

        result.Root.ShouldBeNull();
        result.Error.ShouldNotBeNull();
        result.Error.ShouldNotContain("LineNumber");
        result.ErrorPosition.ShouldBe(new SourcePosition(2, 7));
        result.IsYaml.ShouldBeFalse();

        SpecTextReadResult trailing = SpecTextReader.Read("spec.json", "{\"é\": 1} x", CancellationToken.None);
        trailing.Root.ShouldBeNull();
        trailing.ErrorPosition.ShouldBe(new SourcePosition(0, 9));

        SpecTextReadResult unterminated = SpecTextReader.Read("spec.json", "{\"a\": [1, 2", CancellationToken.None);
        unterminated.Root.ShouldBeNull();
        unterminated.Error.ShouldNotBeNull();

        SpecTextReadResult badEscape = SpecTextReader.Read("spec.json", "{\"a\": \"\\ud800\"}", CancellationToken.None);
        badEscape.Root.ShouldBeNull();
        badEscape.Error.ShouldNotBeNull();
        badEscape.ErrorPosition.ShouldBe(new SourcePosition(0, 6));

        SpecTextReader.Read("spec.json", "null", CancellationToken.None).Error.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("spec.yaml")]
    [InlineData("spec.json")]
    public void Too_deep_nesting_is_an_error(string path)
    {
        string text = new string('[', 100_000) + new string(']', 100_000);

        SpecTextReadResult result = SpecTextReader.Read(path, text, CancellationToken.None);

        result.Root.ShouldBeNull();
        result.Error.ShouldNotBeNull();
    }

    [Fact]
    public void Deep_alias_nesting_is_an_error()
    {
        var yaml = new StringBuilder();
        yaml.Append("a0: &a0 [1]\n");
        for (int i = 1; i < 40; i++)
        {
            // Each level wraps the previous one 10 deep.
            yaml.Append('a').Append(i).Append(": &a").Append(i).Append(' ')
                .Append(new string('[', 10)).Append("*a").Append(i - 1).Append(new string(']', 10)).Append('\n');
        }

        SpecTextReadResult result = ReadYaml(yaml.ToString());

        result.Root.ShouldBeNull();
        result.Error!.ShouldContain("deep");
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(20240611);
        string gridx = File.ReadAllText(GridXPath);
        string[] paths = { "spec.yaml", "spec.json", "spec" };
        for (int i = 0; i < 300; i++)
        {
            byte[] bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            string text = (i % 3) switch
            {
                0 => Encoding.UTF8.GetString(bytes),
                1 => Encoding.Latin1.GetString(bytes),
                _ => Mutate(gridx, random),
            };

            foreach (string path in paths)
            {
                Should.NotThrow(() => SpecTextReader.Read(path, text, CancellationToken.None), $"input #{i} as {path}");
            }
        }

        foreach (string text in new[] { "\0\0\0", "{{{{", "[[[[", "&a [*a]", "a: &a\n  b: *a\n", "%YAML 9.9\n---\na: 1\n", "!<", "? ? ? ?", "\"\\u", "{\"a\":", "- - - -\n  - ]" })
        {
            foreach (string path in paths)
            {
                Should.NotThrow(() => SpecTextReader.Read(path, text, CancellationToken.None), $"'{text}' as {path}");
            }
        }
    }

    [Fact]
    public void Null_arguments_do_not_throw()
    {
        SpecTextReader.Read(null!, null!, CancellationToken.None).Error.ShouldBe("The spec is empty.");
    }

    // ---- cancellation -------------------------------------------------------------------------------------

    [Theory]
    [InlineData("spec.yaml")]
    [InlineData("spec.json")]
    public void Cancellation_throws(string path)
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        string text = path.EndsWith(".json", StringComparison.Ordinal) ? "{\"a\": 1}" : "a: 1";

        Should.Throw<OperationCanceledException>(() => SpecTextReader.Read(path, text, source.Token));
    }

    [Theory]
    [InlineData("spec.yaml")]
    [InlineData("spec.json")]
    public void Cancellation_is_checked_while_converting(string path)
    {
        // A cancelled token stops the conversion at its next check (deterministic: no race against a timer).
        bool json = path.EndsWith(".json", StringComparison.Ordinal);
        var text = new StringBuilder(json ? "{\"items\": [" : "items:\n");
        for (int i = 0; i < 400_000; i++)
        {
            text.Append(json ? (i == 0 ? "{\"a\": " : ", {\"a\": ") : "  - a: ").Append(i).Append(json ? "}" : "\n");
        }

        text.Append(json ? "]}" : string.Empty);
        using var source = new CancellationTokenSource();
        source.Cancel();

        Should.Throw<OperationCanceledException>(() => SpecTextReader.Read(path, text.ToString(), source.Token));
    }

    // ---- real specs ---------------------------------------------------------------------------------------

    [Fact]
    public void GridX_spec_reads_into_the_tree_the_OpenAPI_reader_expects()
    {
        string text = File.ReadAllText(GridXPath);

        SpecTextReadResult result = SpecTextReader.Read(GridXPath, text, CancellationToken.None);

        result.Error.ShouldBeNull();
        result.IsYaml.ShouldBeTrue();
        JsonNode root = result.Root!;
        root["paths"]!.AsObject().Count.ShouldBe(9);
        JsonNode example = root["components"]!["schemas"]!["ApplianceEventData"]!["properties"]!["serialNumber"]!["example"]!;
        example.GetValueKind().ShouldBe(JsonValueKind.String);
        example.GetValue<string>().ShouldBe("9312355");
        root["paths"]!["/events/appliance/create"]!["post"]!["responses"]!.AsObject().ContainsKey("200").ShouldBeTrue();

        // Positions point at the lines of the file.
        string[] lines = text.Split('\n');
        result.Positions.TryGetKeyPosition("/paths/~1events~1appliance~1create", out SourcePosition key).ShouldBeTrue();
        lines[key.Line].Substring(key.Column).ShouldStartWith("/events/appliance/create:");
        result.Positions.TryGetKeyPosition("/paths/~1events~1appliance~1create/post/responses/200", out key).ShouldBeTrue();
        lines[key.Line].Substring(key.Column).ShouldStartWith("\"200\":");

        ReadResult openApi = new OpenApiJsonReader().Read(root, new Uri("file:///webhooks.yaml"), new OpenApiReaderSettings());

        openApi.Diagnostic!.Errors.ShouldBeEmpty();
        openApi.Document!.Paths.Count.ShouldBe(9);
    }

    [Fact]
    public void OpenAI_spec_reads_with_the_whitespace_only_block_scalar()
    {
        // The repository's own copy (specs/openai), byte for byte the published spec: the tests need nothing outside the repo.
        var spec = Corpus.CorpusSpecs.Load("openai");
        string path = spec.Path;
        string text = spec.Text;

        var stopwatch = Stopwatch.StartNew();
        SpecTextReadResult result = SpecTextReader.Read(path, text, CancellationToken.None);
        stopwatch.Stop();
        _output.WriteLine($"openai-openapi.yaml ({text.Length:N0} chars): {stopwatch.ElapsedMilliseconds} ms, {result.Positions.Count:N0} positions");

        result.Error.ShouldBeNull();
        result.Root!["paths"]!.AsObject().Count.ShouldBeGreaterThan(50);

        // The scalar YamlDotNet rejects ("example: |+" followed by a line of spaces) reads as one line break.
        string[] lines = text.Split('\n');
        int header = -1;
        for (int i = 0; i + 1 < lines.Length && header < 0; i++)
        {
            if (lines[i].TrimEnd().EndsWith("example: |+", StringComparison.Ordinal) && lines[i + 1].Length > 0 && lines[i + 1].Trim().Length == 0)
            {
                header = i;
            }
        }

        header.ShouldBeGreaterThan(0, "the construct the tolerance is for is no longer in the spec");
        JsonNode? repaired = FindStringAt(result.Root, result.Positions, "", header);
        repaired.ShouldNotBeNull();
        repaired.GetValue<string>().ShouldBe("\n");

        // A position: the line of "paths:" at the top level.
        result.Positions.TryGetKeyPosition("/paths", out SourcePosition paths).ShouldBeTrue();
        lines[paths.Line].ShouldStartWith("paths:");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static string GridXPath => Path.Combine(AppContext.BaseDirectory, "specs", "gridx", "webhooks.yaml");

    private static SpecTextReadResult ReadYaml(string yaml) => SpecTextReader.Read("spec.yaml", yaml, CancellationToken.None);

    private static SourcePosition Position(SourcePositionMap map, string pointer)
    {
        map.TryGetPosition(pointer, out SourcePosition position).ShouldBeTrue($"no position for '{pointer}'");
        return position;
    }

    /// <summary>The string value whose key is on line <paramref name="keyLine"/>.</summary>
    private static JsonNode? FindStringAt(JsonNode? node, SourcePositionMap map, string pointer, int keyLine)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var property in obj)
                {
                    string child = pointer + "/" + SourcePositionMap.EscapeToken(property.Key);
                    if (property.Value is JsonValue && map.TryGetKeyPosition(child, out SourcePosition key) && key.Line == keyLine)
                    {
                        return property.Value;
                    }

                    JsonNode? found = FindStringAt(property.Value, map, child, keyLine);
                    if (found is not null)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    JsonNode? found = FindStringAt(array[i], map, pointer + "/" + i, keyLine);
                    if (found is not null)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text.Substring(0, random.Next(text.Length)));
        for (int i = 0; i < 20; i++)
        {
            int at = random.Next(builder.Length + 1);
            const string alphabet = ":-[]{}|>&*!\"'#\n \t,?%@`~0";
            builder.Insert(at, alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }
}
