using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WebhookGen.Benchmarks.Receiver;

/// <summary>
/// The receiver benchmarks' workloads measured in interleaved rounds in one process: each round runs every workload
/// <see cref="ReceiverBenchmarkConfig.InvocationsPerIteration"/> times in turn, each round starting one workload later,
/// and the report gives medians over the rounds after the first third (warm-up), as wall time and as the process's CPU
/// time, with ratios (medians of each round's ratio) to the floors and to the hand-written receiver. A noisy neighbour then slows all workloads of a
/// round alike, where BenchmarkDotNet's one-workload-at-a-time runs on a shared VM can differ by ±1 µs between workloads
/// measured minutes apart. Run with
/// <c>dotnet run -c Release --project benchmarks/WebhookGen.Benchmarks.Receiver -- interleaved [rounds]</c>.
/// </summary>
internal static class InterleavedRounds
{
    private const int DefaultRounds = 24;

    public static async Task RunAsync(string[] args)
    {
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : DefaultRounds;
        await using var fixture = await ReceiverFixture.CreateAsync();
        var key = Encoding.UTF8.GetBytes(Payloads.Secret);
        using var keptKey = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA512, key);
        var body = fixture.GridX.Body;
        var mac = new byte[HMACSHA512.HashSizeInBytes];

        var floor = new Workload("Floor: HMAC-SHA512 + STJ parse", () =>
        {
            _ = Floors.HmacAndParse(key, body, mac);
            return Task.CompletedTask;
        });
        var keptKeyFloor = new Workload("Floor, key kept", () =>
        {
            _ = Floors.KeptKeyHmacAndParse(keptKey, body, mac);
            return Task.CompletedTask;
        });
        var floorEndpoint = new Workload("Floor endpoint: read, kept-key HMAC-SHA512 + compare, STJ parse", fixture.Floor.SendNextAsync);
        var handWritten = new Workload("Hand-written", fixture.HandWritten.SendNextAsync);
        var handWrittenDistinct = new Workload("Hand-written (distinct events)", fixture.HandWrittenDistinct.SendNextAsync);
        Workload[] workloads =
        [
            floor,
            keptKeyFloor,
            floorEndpoint,
            handWritten,
            new("Generated, dedup off", fixture.Generated.SendNextAsync),
            new("Octokit (GitHub ping, HMAC-SHA256)", fixture.Octokit.SendNextAsync),
            handWrittenDistinct,
            new("Generated, dedup off (distinct events)", fixture.GeneratedDistinct.SendNextAsync),
            new("Generated, dedup on (distinct events)", fixture.GeneratedDeduplicating.SendNextAsync, () => fixture.ResetDeduplication(), fixture.CheckDeduplicatedIteration),
            new("Generated, dedup on, store from empty (distinct events)", fixture.GeneratedDeduplicating.SendNextAsync, () => fixture.ResetDeduplication(fromEmpty: true), fixture.CheckDeduplicatedIteration),
        ];

        // Each round starts one workload later: the first of a round pays for what the last one left behind (a collection
        // of its garbage, cold caches), about 2.5 µs per invocation here, so no workload may always come first.
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < workloads.Length; i++)
            {
                await workloads[(round + i) % workloads.Length].MeasureAsync(ReceiverBenchmarkConfig.InvocationsPerIteration);
            }
        }

        var skip = rounds / 3;
        Console.WriteLine($"{rounds} interleaved rounds of {ReceiverBenchmarkConfig.InvocationsPerIteration} invocations; medians of the last {rounds - skip}, µs per invocation; ratios are medians of the rounds' ratios.");
        Console.WriteLine();
        Console.WriteLine("| Workload | Wall | CPU | Wall / floor | Wall / kept-key floor | Wall / floor endpoint | Wall / hand-written |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var workload in workloads)
        {
            var wall = workload.WallMedian(skip);
            var baseline = workload.Name.EndsWith("(distinct events)", StringComparison.Ordinal) ? handWrittenDistinct : handWritten;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {workload.Name} | {wall:F2} | {workload.CpuMedian(skip):F2} | {workload.RatioTo(floor, skip):F2} | {workload.RatioTo(keptKeyFloor, skip):F2} | {workload.RatioTo(floorEndpoint, skip):F2} | {workload.RatioTo(baseline, skip):F2} |"));
        }
    }

    private sealed class Workload(string name, Func<Task> invoke, Action? before = null, Action? after = null)
    {
        private readonly List<double> _wall = [];
        private readonly List<double> _cpu = [];

        public string Name { get; } = name;

        public async Task MeasureAsync(int invocations)
        {
            before?.Invoke();
            var cpuStart = Environment.CpuUsage.TotalTime;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < invocations; i++)
            {
                await invoke();
            }

            _wall.Add(clock.Elapsed.TotalMicroseconds / invocations);
            _cpu.Add((Environment.CpuUsage.TotalTime - cpuStart).TotalMicroseconds / invocations);
            after?.Invoke();
        }

        public double WallMedian(int skip) => Median(_wall, skip);

        public double CpuMedian(int skip) => Median(_cpu, skip);

        /// <summary>The median of this workload's wall time over <paramref name="baseline"/>'s, round by round: what slows a round slows both.</summary>
        public double RatioTo(Workload baseline, int skip) => Median([.. _wall.Zip(baseline._wall, (wall, other) => wall / other)], skip);

        private static double Median(List<double> values, int skip)
        {
            var kept = values.Skip(skip).Order().ToList();
            return kept[kept.Count / 2];
        }
    }
}
