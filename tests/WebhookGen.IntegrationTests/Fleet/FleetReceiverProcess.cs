using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace WebhookGen.IntegrationTests.Fleet;

/// <summary>How one <c>WebhookGen.FleetReceiver</c> process is started (see tests/WebhookGen.FleetReceiver/Program.cs).</summary>
public sealed record FleetReceiverSettings(int Port, string Secret, string HandledLog)
{
    /// <summary>The Redis configuration string (<c>127.0.0.1:port</c>); null runs the receiver with its in-memory default store.</summary>
    public string? Redis { get; init; }

    public string KeyPrefix { get; init; } = "webhookgen:fleet:";

    /// <summary>Each handler first waits a random 0..this many milliseconds.</summary>
    public int HandlerDelayMs { get; init; }

    public TimeSpan ReservationTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan InProgressRetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>sqlite</c> or <c>redis</c> (with <see cref="Redis"/>): the durable inbox on, on that store; null: handlers run in the request.</summary>
    public string? Inbox { get; init; }

    /// <summary>The SQLite inbox's file.</summary>
    public string? InboxPath { get; init; }

    /// <summary>How long an inbox run may take before its lease lapses and another worker takes the delivery.</summary>
    public TimeSpan InboxLeaseDuration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many handlers the inbox's worker runs at once.</summary>
    public int InboxConcurrency { get; init; } = 4;

    /// <summary>When set, every handler records its start here and never returns (see tests/WebhookGen.FleetReceiver/HeldHandlers.cs).</summary>
    public string? HeldLog { get; init; }
}

/// <summary>
/// A real receiver process: <c>dotnet WebhookGen.FleetReceiver.dll</c>, built next to this test project (the test
/// project references it with <c>ReferenceOutputAssembly="false"</c>, so it is built first), started on 127.0.0.1 and
/// a given port, ready once it prints its <c>FLEET-READY</c> line, and killed with SIGKILL.
/// </summary>
public sealed class FleetReceiverProcess : IDisposable
{
    /// <summary>Names the receiver's dll explicitly, instead of finding it next to this test project.</summary>
    public const string PathVariable = "WEBHOOKGEN_FLEET_RECEIVER";

    private const string AssemblyName = "WebhookGen.FleetReceiver";
    private const string ReadyPrefix = "FLEET-READY ";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FleetReceiverProcess(FleetReceiverSettings settings)
    {
        Settings = settings;
        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(ReceiverPath.Value)!,
        };
        start.ArgumentList.Add(ReceiverPath.Value);
        var arguments = new List<string>
        {
            "--urls", BaseAddressOf(settings.Port).ToString().TrimEnd('/'),
            "--Fleet:HandledLog=" + settings.HandledLog,
            "--Fleet:HandlerDelayMs=" + settings.HandlerDelayMs.ToString(CultureInfo.InvariantCulture),
            "--Webhooks:FleetReceiver:Idempotency:ReservationTimeout=" + settings.ReservationTimeout.ToString("c", CultureInfo.InvariantCulture),
            "--Webhooks:FleetReceiver:Idempotency:InProgressRetryAfter=" + settings.InProgressRetryAfter.ToString("c", CultureInfo.InvariantCulture),
        };
        if (settings.Redis is not null)
        {
            arguments.Add("--Fleet:Redis=" + settings.Redis);
            arguments.Add("--Fleet:KeyPrefix=" + settings.KeyPrefix);
        }

        if (settings.Inbox is not null)
        {
            arguments.Add("--Fleet:Inbox=" + settings.Inbox);
            arguments.Add("--Webhooks:FleetReceiver:Inbox:Enabled=true");
            arguments.Add("--Webhooks:Inbox:Concurrency=" + settings.InboxConcurrency.ToString(CultureInfo.InvariantCulture));
            arguments.Add("--Webhooks:Inbox:LeaseDuration=" + settings.InboxLeaseDuration.ToString("c", CultureInfo.InvariantCulture));
            arguments.Add("--Webhooks:Inbox:PollInterval=00:00:00.200");
            if (settings.InboxPath is not null)
            {
                arguments.Add("--Fleet:InboxPath=" + settings.InboxPath);
            }
        }

        if (settings.HeldLog is not null)
        {
            arguments.Add("--Fleet:HeldLog=" + settings.HeldLog);
        }

        arguments.ForEach(start.ArgumentList.Add);

        // The secret through the environment, as a deployment would pass it, not on the command line.
        start.Environment["Webhooks__FleetReceiver__Secret"] = settings.Secret;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("DOTNET_URLS");

        // Two receivers, Redis and the sender share the CI machine's cores: workstation GC keeps each process small.
        start.Environment["DOTNET_gcServer"] = "0";

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Received(e.Data);
        _process.ErrorDataReceived += (_, e) => Received(e.Data);
        _process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException("The fleet receiver exited before it was ready:\n" + Output));
    }

    public FleetReceiverSettings Settings { get; }

    public Uri BaseAddress => BaseAddressOf(Settings.Port);

    /// <summary>The process's id, which the handled log's lines carry.</summary>
    public int Id { get; private set; }

    /// <summary>The ready line: <c>FLEET-READY pid=… store=… urls=…</c>.</summary>
    public string ReadyLine => _ready.Task.IsCompletedSuccessfully ? _ready.Task.Result : string.Empty;

    /// <summary>What the process wrote so far (stdout and stderr), for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    /// <summary>Where the receiver's dll is: <see cref="PathVariable"/>, else its build output next to this test project's, same configuration and framework.</summary>
    public static Lazy<string> ReceiverPath { get; } = new(FindReceiver);

    /// <summary>Starts a receiver and waits until it is listening; a start that fails (a port taken) is tried again up to three times.</summary>
    public static async Task<FleetReceiverProcess> StartAsync(FleetReceiverSettings settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            var receiver = new FleetReceiverProcess(settings);
            try
            {
                await receiver.StartAsync();
                return receiver;
            }
            catch (Exception) when (attempt < 3)
            {
                receiver.Dispose();
                await Task.Delay(250 * attempt);
            }
            catch
            {
                receiver.Dispose();
                throw;
            }
        }
    }

    /// <summary>A loopback port free now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGKILL (what <see cref="Process.Kill(bool)"/> sends on Unix) to the process and its children; returns once it is gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    private async Task StartAsync()
    {
        _process.Start();
        Id = _process.Id;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var ready = await _ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        if (!ready.Contains(" pid=" + Id.ToString(CultureInfo.InvariantCulture) + " ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The fleet receiver's ready line names another process than {Id}: {ready}");
        }
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }

        if (line.StartsWith(ReadyPrefix, StringComparison.Ordinal))
        {
            _ready.TrySetResult(line);
        }
    }

    private static Uri BaseAddressOf(int port) => new("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + "/");

    /// <summary>The dotnet host that runs this test (set by the dotnet CLI), else <c>dotnet</c> on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string FindReceiver()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? Path.GetFullPath(configured)
                : throw new InvalidOperationException($"{PathVariable} names {configured}, which does not exist.");
        }

        // This assembly is in {tests}/WebhookGen.IntegrationTests/bin/{Configuration}/{TargetFramework}/: the receiver's is
        // in {tests}/WebhookGen.FleetReceiver/bin/{Configuration}/{TargetFramework}/.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var tried = new List<string>();
        for (var directory = here; directory?.Parent?.Parent is not null; directory = directory.Parent)
        {
            if (!string.Equals(directory.Name, "bin", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var project = directory.Parent!;
            var relative = Path.GetRelativePath(directory.FullName, here.FullName);
            var candidate = Path.Combine(project.Parent!.FullName, AssemblyName, "bin", relative, AssemblyName + ".dll");
            tried.Add(candidate);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            // Another configuration or framework than the tests': the most recently built one.
            var builds = Path.Combine(project.Parent!.FullName, AssemblyName, "bin");
            var newest = Directory.Exists(builds)
                ? Directory.EnumerateFiles(builds, AssemblyName + ".dll", SearchOption.AllDirectories)
                    .Where(path => File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")))
                    .OrderByDescending(File.GetLastWriteTimeUtc)
                    .FirstOrDefault()
                : null;
            if (newest is not null)
            {
                return newest;
            }
        }

        throw new InvalidOperationException(
            $"{AssemblyName}.dll was not found (tried {string.Join(", ", tried)}). Build it (dotnet build tests/{AssemblyName}) " +
            $"or set {PathVariable} to its path.");
    }
}
