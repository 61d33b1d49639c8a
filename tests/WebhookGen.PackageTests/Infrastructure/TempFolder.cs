using System;
using System.IO;

namespace WebhookGen.PackageTests.Infrastructure;

/// <summary>A fresh folder under the system temp folder (outside the repository, so none of its MSBuild files apply), deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a process that is still exiting may hold a file for a moment.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
