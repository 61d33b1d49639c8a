using System.Security.Cryptography;
using System.Text.Json;
using WebhookGen.Benchmarks.Baseline;

namespace WebhookGen.Benchmarks.Receiver;

/// <summary>The floors' work, shared by BenchmarkDotNet's <see cref="FloorBenchmarks"/> and the interleaved rounds.</summary>
internal static class Floors
{
    /// <summary>The one-shot HMAC-SHA512 a hand-written receiver computes, plus the System.Text.Json parse.</summary>
    public static Baseline.ApplianceCreateEvent? HmacAndParse(byte[] key, byte[] body, Span<byte> mac)
    {
        HMACSHA512.HashData(key, body, mac);
        return JsonSerializer.Deserialize(body, GridXJsonContext.Default.ApplianceCreateEvent);
    }

    /// <summary>The same with the HMAC's key kept from one message to the next, as WebhookGen's verifier keeps it.</summary>
    public static Baseline.ApplianceCreateEvent? KeptKeyHmacAndParse(IncrementalHash keptKey, byte[] body, Span<byte> mac)
    {
        KeptKeyMac(keptKey, body, mac);
        return JsonSerializer.Deserialize(body, GridXJsonContext.Default.ApplianceCreateEvent);
    }

    /// <summary>The MAC of <paramref name="body"/> from a kept key, which is left keyed for the next message.</summary>
    public static void KeptKeyMac(IncrementalHash keptKey, ReadOnlySpan<byte> body, Span<byte> mac)
    {
        keptKey.AppendData(body);
        keptKey.GetHashAndReset(mac);
    }
}
