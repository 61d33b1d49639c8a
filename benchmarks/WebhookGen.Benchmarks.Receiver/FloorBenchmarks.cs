using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace WebhookGen.Benchmarks.Receiver;

/// <summary>
/// (b) Both gridX endpoints against the floor (the baseline): the HMAC-SHA512 of the body plus parsing it with the
/// hand-written System.Text.Json source-generated context, with no HTTP, DI or buffering around it. The floor's HMAC is
/// the one-shot <see cref="HMACSHA512.HashData(byte[], byte[])"/> a hand-written receiver calls; the second floor keeps the
/// keyed HMAC from one message to the next, as WebhookGen's verifier does; the floor endpoint does that and the least
/// else a correct endpoint must (read the body, compare the signature) in the receivers' harness (<see cref="Receiver.FloorEndpoint"/>),
/// so that the pipeline's own cost shows apart.
/// </summary>
public class FloorBenchmarks : ReceiverBenchmarks
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(Payloads.Secret);
    private readonly IncrementalHash _keptKey = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA512, Encoding.UTF8.GetBytes(Payloads.Secret));
    private byte[] _body = null!;

    [Benchmark(Baseline = true, Description = "Floor: HMAC-SHA512 + STJ parse")]
    public Baseline.ApplianceCreateEvent? HmacAndParse()
    {
        Span<byte> mac = stackalloc byte[HMACSHA512.HashSizeInBytes];
        return Floors.HmacAndParse(_key, _body, mac);
    }

    [Benchmark(Description = "Floor, key kept: keyed HMAC-SHA512 + STJ parse")]
    public Baseline.ApplianceCreateEvent? KeptKeyHmacAndParse()
    {
        Span<byte> mac = stackalloc byte[HMACSHA512.HashSizeInBytes];
        return Floors.KeptKeyHmacAndParse(_keptKey, _body, mac);
    }

    [Benchmark(Description = "Floor endpoint: read, kept-key HMAC-SHA512 + compare, STJ parse")]
    public Task FloorEndpoint() => Fixture.Floor.SendNextAsync();

    [Benchmark(Description = "Hand-written")]
    public Task HandWritten() => Fixture.HandWritten.SendNextAsync();

    [Benchmark(Description = "Generated, dedup off")]
    public Task Generated() => Fixture.Generated.SendNextAsync();

    protected override void OnFixtureReady() => _body = Fixture.GridX.Body;
}
