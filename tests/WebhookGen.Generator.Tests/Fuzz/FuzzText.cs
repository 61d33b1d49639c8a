using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WebhookGen.Generator.Tests.Fuzz;

/// <summary>Small text helpers for the fuzz reports.</summary>
internal static class FuzzText
{
    /// <summary>At most <paramref name="max"/> characters of <paramref name="text"/>, on one line, with control and invisible characters escaped.</summary>
    public static string Clip(string text, int max)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (builder.Length >= max)
            {
                return builder.Append("… (").Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(" chars)").ToString();
            }

            if (c == '\n')
            {
                builder.Append("\\n");
            }
            else if (c == '\r')
            {
                builder.Append("\\r");
            }
            else if (c == '\t')
            {
                builder.Append("\\t");
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A stable hash of the parts, for telling apart outputs without keeping them.</summary>
    public static string Hash(IEnumerable<string> parts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(part));
            sha.AppendData([0]);
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <summary>FNV-1a over the UTF-16 code units: a hash that is the same in every process (string.GetHashCode is not).</summary>
    public static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}
