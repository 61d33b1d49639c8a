using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace WebhookGen.IntegrationTests.Fleet;

/// <summary>
/// A fleet test's receiver processes and the folder of their logs and files, killed and deleted when the test ends. The
/// folder is on tmpfs when there is one, so that handled logs flushed per line do not wait on the disk.
/// </summary>
public sealed class FleetWorkspace : IDisposable
{
    private readonly List<FleetReceiverProcess> _processes = [];

    public string Directory { get; } = Create();

    /// <summary>The path of <paramref name="name"/> in the folder.</summary>
    public string PathOf(string name) => Path.Combine(Directory, name);

    public async Task<FleetReceiverProcess> StartAsync(FleetReceiverSettings settings)
    {
        var process = await FleetReceiverProcess.StartAsync(settings);
        lock (_processes)
        {
            _processes.Add(process);
        }

        return process;
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string Create()
    {
        var name = "webhookgen-fleet-" + Guid.NewGuid().ToString("N");
        if (OperatingSystem.IsLinux() && System.IO.Directory.Exists("/dev/shm"))
        {
            try
            {
                return System.IO.Directory.CreateDirectory(Path.Combine("/dev/shm", name)).FullName;
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), name)).FullName;
    }
}
