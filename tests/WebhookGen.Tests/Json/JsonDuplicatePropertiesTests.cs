using System.Linq;
using System.Text;
using Shouldly;
using WebhookGen.Json;
using Xunit;

namespace WebhookGen.Tests.Json;

public sealed class JsonDuplicatePropertiesTests
{
    [Theory]
    [InlineData("""{"type":"a","id":1,"type":"b"}""", "type")]
    [InlineData("""{"data":{"object":{"amount":1,"amount":2}}}""", "amount")]
    [InlineData("""{"items":[{"n":1},{"n":2,"n":3}]}""", "n")]
    [InlineData("""{"t\u0079pe":"a","type":"b"}""", "type")]
    [InlineData("""{"type":"a","t\u0079pe":"b"}""", "type")]
    [InlineData("""{"é":1,"\u00e9":2}""", "é")]
    public void A_name_given_twice_in_one_object_is_found(string json, string name) =>
        JsonDuplicateProperties.Find(Encoding.UTF8.GetBytes(json)).ShouldBe(name);

    [Theory]
    [InlineData("""{"type":"a","data":{"type":"b"}}""")]
    [InlineData("""{"a":{"n":1},"b":{"n":2},"c":[{"n":3},{"n":4}]}""")]
    [InlineData("""{"Type":"a","type":"b"}""")]
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
}
