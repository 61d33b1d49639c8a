using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace WebhookGen.IntegrationTests.Idempotency;

/// <summary>
/// A real Redis for the tests: the one named by <c>WEBHOOKGEN_TEST_REDIS</c> (<c>host:port</c>) when set, otherwise a
/// <c>redis-server</c> started here on a free loopback port, without persistence, and killed at the end. When neither is
/// available the tests fail with a message that says how to install it: they are never skipped.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "WEBHOOKGEN_TEST_REDIS";

    private Process? _process;

    /// <summary>The StackExchange.Redis configuration string, <c>127.0.0.1:port</c>.</summary>
    public string Configuration { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } external)
        {
            Configuration = external;
            return;
        }

        var executable = FindOnPath("redis-server") ?? throw new InvalidOperationException(
            "redis-server was not found on PATH. The idempotency tests over Redis need it: install the Debian package " +
            "(apt-get install -y redis-server), or set " + EnvironmentVariable + "=host:port to use a running Redis.");

        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var start = new ProcessStartInfo(executable)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no" })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (await WaitUntilReadyAsync(port, process))
            {
                _process = process;
                Configuration = "127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return;
            }

            Stop(process);
            if (attempt == 2)
            {
                throw new InvalidOperationException($"redis-server ({executable}) did not answer PING on 127.0.0.1:{port}.");
            }
        }
    }

    public Task DisposeAsync()
    {
        if (_process is not null)
        {
            Stop(_process);
        }

        return Task.CompletedTask;
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/local/bin")
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> WaitUntilReadyAsync(int port, Process process)
    {
        for (var i = 0; i < 100 && !process.HasExited; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                var stream = client.GetStream();
                await stream.WriteAsync(Encoding.ASCII.GetBytes("PING\r\n"));
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (SocketException)
            {
            }
            catch (IOException)
            {
            }

            await Task.Delay(50);
        }

        return false;
    }
}
