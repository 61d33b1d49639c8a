using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;
using Shouldly;
using WebhookGen.Generator.Helpers;
using Xunit;

namespace WebhookGen.Generator.Tests.Schemas;

/// <summary>The naming rules of docs/naming.md, one by one.</summary>
public sealed class IdentifierTests
{
    [Theory]
    [InlineData("applianceID", "ApplianceID")]
    [InlineData("HEAT_PUMP", "HeatPump")]
    [InlineData("appliance/create", "ApplianceCreate")]
    [InlineData("balancePlatform.transfer.created", "BalancePlatformTransferCreated")]
    [InlineData("/webhooks/payment", "WebhooksPayment")]
    [InlineData("class", "Class")]
    [InlineData("event", "Event")]
    [InlineData("2fa", "_2fa")]
    [InlineData("0", "_0")]
    [InlineData("2.0", "_2_0")]
    [InlineData("v1.10", "V1_10")]
    [InlineData("-1", "Minus1")]
    [InlineData("+44", "Plus44")]
    [InlineData("a-1", "A1")]
    [InlineData("é", "É")]
    [InlineData("straße", "Straße")]
    [InlineData("日本", "日本")]
    [InlineData("", "Empty")]
    [InlineData("*", "Asterisk")]
    [InlineData(">=", "GreaterThanEquals")]
    [InlineData("€", "U20AC")]
    [InlineData("😀", "U1F600")]
    [InlineData("_links", "Links")]
    [InlineData("$type", "Type")]
    public void ToPascalCase_gives_a_valid_identifier(string name, string expected)
    {
        var identifier = Identifiers.ToPascalCase(name);

        identifier.ShouldBe(expected);
        SyntaxFacts.IsValidIdentifier(identifier).ShouldBeTrue();
    }

    [Fact]
    public void MakeUnique_numbers_from_2_and_keeps_numbers_apart()
    {
        var used = new HashSet<string>();

        Identifiers.MakeUnique("Id", used).ShouldBe("Id");
        Identifiers.MakeUnique("Id", used).ShouldBe("Id2");
        Identifiers.MakeUnique("Id", used).ShouldBe("Id3");
        Identifiers.MakeUnique("V1", used).ShouldBe("V1");
        Identifiers.MakeUnique("V1", used).ShouldBe("V1_2");
    }

    [Theory]
    [InlineData("ToString", "Payload", "ToStringValue")]
    [InlineData("EqualityContract", "Payload", "EqualityContractValue")]
    [InlineData("Payload", "Payload", "PayloadValue")]
    [InlineData("Value", "Payload", "Value")]
    [InlineData("Type", "Payload", "Type")]
    public void A_member_named_like_one_the_record_has_gets_the_suffix_Value(string name, string type, string expected) =>
        Identifiers.MemberName(name, type, Identifiers.RecordMembers, new HashSet<string>()).ShouldBe(expected);

    [Theory]
    [InlineData("Value", "ValueValue")]
    [InlineData("IsDefined", "IsDefinedValue")]
    [InlineData("Values", "ValuesValue")]
    [InlineData("Other", "Other")]
    public void An_enum_member_named_like_one_the_enum_has_gets_the_suffix_Value(string name, string expected) =>
        Identifiers.MemberName(name, "Status", Identifiers.EnumMembers, new HashSet<string>()).ShouldBe(expected);

    [Theory]
    [InlineData("Payload", "kind", "PayloadKind")]
    [InlineData("Payload", "2fa", "Payload2fa")]
    [InlineData("Payload1", "2", "Payload1_2")]
    [InlineData("", "2fa", "_2fa")]
    public void Join_names_what_stands_inside_a_type(string prefix, string name, string expected) =>
        Identifiers.Join(prefix, name).ShouldBe(expected);
}
