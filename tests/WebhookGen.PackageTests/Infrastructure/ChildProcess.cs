using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WebhookGen.PackageTests.Infrastructure;

/// <summary>A child process (<c>dotnet</c>, a compiler) whose output is collected as it comes; killed, with its children, on dispose.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildProcess(Process process) => _process = process;

    /// <summary>The <c>dotnet</c> the test runs under (DOTNET_HOST_PATH when the SDK set it), else the one on PATH.</summary>
    public static string DotNetExecutable =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ChildProcess StartDotNet(string workingDirectory, IReadOnlyDictionary<string, string> environment, IEnumerable<string> arguments) =>
        Start(DotNetExecutable, workingDirectory, environment, arguments);

    public static ChildProcess Start(string executable, string workingDirectory, IReadOnlyDictionary<string, string> environment, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Under `dotnet test` the MSBuild that built the tests leaves its variables behind; a user's shell has none.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
        start.Environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["TERM"] = "dumb";
        // No build server may outlive the command: it would hold the redirected output open and stay behind after the test.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs <c>dotnet</c> to completion and returns its output; throws, with the output, on failure or timeout.</summary>
    public static Task<string> RunDotNetAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunAsync(DotNetExecutable, workingDirectory, timeout, environment, arguments);

    /// <summary>Runs <paramref name="executable"/> to completion and returns its output; throws, with the output, on failure or timeout.</summary>
    public static async Task<string> RunAsync(string executable, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> arguments)
    {
        using var child = Start(executable, workingDirectory, environment, arguments);
        var command = Path.GetFileName(executable) + " " + string.Join(' ', arguments);
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await child._process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"`{command}` did not finish within {timeout}. Output:\n{child.Output}");
        }

        if (child._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{command}` exited with {child._process.ExitCode}. Output:\n{child.Output}");
        }

        return child.Output;
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
            // It exited between the check and the kill.
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
