using System.Linq;
using System.Text;
using Shouldly;
using WebhookGen.Json;
using Xunit;

namespace WebhookGen.Tests.Json;

public sealed class JsonDuplicatePropertiesTests
{
    /// <summary>Bodies with a name given twice in one object, and that name: refused by the pass and by the parse alike.</summary>
    public static TheoryData<string, string> NamesGivenTwice => new()
    {
        { """{"type":"a","id":1,"type":"b"}""", "type" },
        { """{"data":{"object":{"amount":1,"amount":2}}}""", "amount" },
        { """{"items":[{"n":1},{"n":2,"n":3}]}""", "n" },
        { """{"t\u0079pe":"a","type":"b"}""", "type" },
        { """{"type":"a","t\u0079pe":"b"}""", "type" },
        { """{"é":1,"\u00e9":2}""", "é" },
        { """{"":1,"":2}""", "" },
        { """{"a":{"b":{"c":1},"c":2,"c":3}}""", "c" },
        { """{"a_rather_long_member_name":1,"a_rather_long_member_name":2}""", "a_rather_long_member_name" },
        { """{"a_rather_long_member_name":1,"a_rather_long_\u006dember_name":2}""", "a_rather_long_member_name" },
    };

    [Theory]
    [MemberData(nameof(NamesGivenTwice))]
    public void A_name_given_twice_in_one_object_is_found(string json, string name) =>
        JsonDuplicateProperties.Find(Encoding.UTF8.GetBytes(json)).ShouldBe(name);

    [Theory]
    [InlineData("""{"type":"a","data":{"type":"b"}}""")]
    [InlineData("""{"a":{"n":1},"b":{"n":2},"c":[{"n":3},{"n":4}]}""")]
    [InlineData("""{"Type":"a","type":"b"}""")]
    [InlineData("""{"a":{"c":1},"c":2,"b":{"c":3,"d":{"c":4}}}""")]
    [InlineData("""[1,2,{"a":1}]""")]
    [InlineData("""{}""")]
    [InlineData("""{"a":1,""")]
    [InlineData("""not json""")]
    public void Names_once_per_object_invalid_json_and_other_values_find_nothing(string json) =>
        JsonDuplicateProperties.Find(Encoding.UTF8.GetBytes(json)).ShouldBeNull();

    [Fact]
    public void An_object_with_many_members_is_checked_in_full()
    {
        var members = Enumerable.Range(0, 5000).Select(i => $"\"p{i}\":{i}").ToList();
        var unique = "{" + string.Join(",", members) + "}";
        var repeated = "{" + string.Join(",", members) + ",\"p4321\":0}";

        JsonDuplicateProperties.Find(Encoding.UTF8.GetBytes(unique)).ShouldBeNull();
        JsonDuplicateProperties.Find(Encoding.UTF8.GetBytes(repeated)).ShouldBe("p4321");
    }

    [Fact]
    public void A_byte_order_mark_hides_nothing() =>
        JsonDuplicateProperties.Find([0xEF, 0xBB, 0xBF, .. """{"type":"a","type":"b"}"""u8]).ShouldBe("type");

    [Fact]
    public void An_object_after_a_deeper_one_starts_with_no_names()
    {
        // The frame of depth 2 is reused by the second object: names of the first must not carry over.
        JsonDuplicateProperties.Find("""{"a":{"x":{"k":1}},"b":{"y":{"k":2}}}"""u8).ShouldBeNull();
    }

    [Fact]
    public void Objects_with_many_members_nested_and_in_turn_are_each_checked_on_their_own()
    {
        static string Members(string prefix, int count) => string.Join(",", Enumerable.Range(0, count).Select(i => $"\"{prefix}{i}\":{i}"));

        // Past the scan limit an object's names are indexed; a nested large object, and the next sibling, get their own.
        var json = "{" + Members("p", 40) + ",\"inner\":{" + Members("p", 40) + "}," + Members("q", 40) + "}";
        JsonDuplicateProperties.Find(Encoding.UTF8.GetBytes(json)).ShouldBeNull();
        JsonDuplicateProperties.Find(Encoding.UTF8.GetBytes(json[..^1] + ",\"p39\":0}")).ShouldBe("p39");
        JsonDuplicateProperties.Find(Encoding.UTF8.GetBytes("[{" + Members("p", 40) + "},{" + Members("p", 40) + "}]")).ShouldBeNull();
    }

    [Fact]
    public void Random_objects_get_the_answer_of_a_set_of_names_per_object()
    {
        // Few distinct names, so that repeats are common and names share the quick filter's bits in every way.
        var random = new System.Random(20261207);
        string[] names = ["a", "b", "id", "type", "data", "time", "x1", "x2", "longer_name_one", "longer_name_two", "t\\u0079pe"];
        string Value(int depth) => depth < 3 && random.Next(4) == 0 ? Object(depth + 1) : random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string Object(int depth) => "{" + string.Join(",", Enumerable.Range(0, random.Next(20)).Select(_ => $"\"{names[random.Next(names.Length)]}\":{Value(depth)}")) + "}";

        for (var i = 0; i < 3000; i++)
        {
            var json = Encoding.UTF8.GetBytes(Object(0));
            JsonDuplicateProperties.Find(json).ShouldBe(FirstRepeat(json), Encoding.UTF8.GetString(json));
        }
    }

    /// <summary>The first name read twice in one object, by a set of names per open object.</summary>
    private static string? FirstRepeat(byte[] json)
    {
        var reader = new System.Text.Json.Utf8JsonReader(json);
        var open = new System.Collections.Generic.Stack<System.Collections.Generic.HashSet<string>>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case System.Text.Json.JsonTokenType.StartObject:
                    open.Push([]);
                    break;
                case System.Text.Json.JsonTokenType.EndObject:
                    open.Pop();
                    break;
                case System.Text.Json.JsonTokenType.PropertyName when !open.Peek().Add(reader.GetString()!):
                    return reader.GetString();
            }
        }

        return null;
    }

    [Fact]
    public void A_found_repeat_or_invalid_json_leaves_nothing_behind_for_the_next_body()
    {
        JsonDuplicateProperties.Find("""{"a":{"b":1,"b":2}}"""u8).ShouldBe("b");
        JsonDuplicateProperties.Find("""{"a":{"b":1,"c":"""u8).ShouldBeNull();
        JsonDuplicateProperties.Find("""{"b":1}"""u8).ShouldBeNull();
    }

    [Fact]
    public void The_usual_body_is_checked_without_allocating()
    {
        var body = """{"id":"3fa85f64","type":"appliance/create","data":{"applianceID":"fc0a6ac7","type":"METER","kind":"BATTERY"}}"""u8.ToArray();
        JsonDuplicateProperties.Find(body).ShouldBeNull();

        var before = System.GC.GetAllocatedBytesForCurrentThread();
        JsonDuplicateProperties.Find(body).ShouldBeNull();
        (System.GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }
}
