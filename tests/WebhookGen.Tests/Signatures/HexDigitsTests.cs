using System;
using Shouldly;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.Tests.Signatures;

public class HexDigitsTests
{
    [Fact]
    public void Every_byte_value_reads_back_from_lower_and_upper_case_hex()
    {
        var bytes = new byte[256];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)i;
        }

        var upper = Convert.ToHexString(bytes);
        foreach (var text in new[] { upper, upper.ToLowerInvariant() })
        {
            var decoded = new byte[bytes.Length];
            HexDigits.TryDecode(text, decoded).ShouldBeTrue();
            decoded.ShouldBe(bytes);
        }
    }

    [Fact]
    public void Mixed_case_digits_read_as_one_value()
    {
        var decoded = new byte[3];
        HexDigits.TryDecode("aBcD0f", decoded).ShouldBeTrue();
        decoded.ShouldBe(new byte[] { 0xAB, 0xCD, 0x0F });
    }

    [Theory]
    [InlineData("0g")]
    [InlineData("g0")]
    [InlineData("0/")]
    [InlineData("0:")]
    [InlineData("@0")]
    [InlineData("0G")]
    [InlineData("`0")]
    [InlineData(" 0")]
    [InlineData("0\0")]
    [InlineData("0\u00ff")]
    [InlineData("0\u0161")] // its low byte is 'a'
    [InlineData("\u0130\u0030")] // its low byte is '0'
    [InlineData("0\uff10")] // a fullwidth digit zero
    public void A_character_that_is_not_a_hex_digit_fails_the_whole_text(string pair)
    {
        HexDigits.TryDecode("00" + pair + "ff", new byte[3]).ShouldBeFalse();
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("0", 1)]
    [InlineData("000", 1)]
    [InlineData("0000", 1)]
    [InlineData("00", 0)]
    public void A_text_of_another_length_than_two_digits_per_byte_fails(string text, int bytes)
    {
        HexDigits.TryDecode(text, new byte[bytes]).ShouldBeFalse();
    }

    [Fact]
    public void Nothing_to_read_into_nothing_succeeds()
    {
        HexDigits.TryDecode(string.Empty, Span<byte>.Empty).ShouldBeTrue();
    }
}
