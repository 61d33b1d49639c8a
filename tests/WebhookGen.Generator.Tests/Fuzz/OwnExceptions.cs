using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace WebhookGen.Generator.Tests.Fuzz;

/// <summary>
/// Records the exceptions thrown on this thread while a scope is open, with the code they came from: the first frame
/// on the stack outside the base class library. The read step turns whatever is thrown into WHG004, which is right for
/// the OpenAPI library but hides a crash in WebhookGen's own code; this tells the two apart.
/// </summary>
internal static class OwnExceptions
{
    private const string GeneratorNamespace = "WebhookGen.Generator.";

    [ThreadStatic]
    private static List<(Exception Exception, string Origin)>? t_thrown;

    static OwnExceptions() => AppDomain.CurrentDomain.FirstChanceException += OnFirstChance;

    public static Scope Watch()
    {
        var scope = new Scope();
        t_thrown = scope.Thrown;
        return scope;
    }

    /// <summary>Where in WebhookGen an exception that escaped was thrown, from its stack trace.</summary>
    public static string Origin(Exception exception)
    {
        var frame = new StackTrace(exception, fNeedFileInfo: false).GetFrames().Select(f => f.GetMethod()).FirstOrDefault(IsGenerator);
        return frame is null ? "(not thrown in WebhookGen.Generator)" : "at " + Name(frame);
    }

    private static void OnFirstChance(object? sender, FirstChanceExceptionEventArgs e)
    {
        var thrown = t_thrown;
        if (thrown is null)
        {
            return;
        }

        // The first frame that is not the base class library's says whose code threw (or called it wrongly).
        var origin = new StackTrace(1, fNeedFileInfo: false).GetFrames()
            .Select(f => f.GetMethod())
            .FirstOrDefault(m => m?.DeclaringType?.Namespace is { } ns && !ns.StartsWith("System", StringComparison.Ordinal) && !ns.StartsWith("Internal", StringComparison.Ordinal));
        if (origin is not null && IsGenerator(origin))
        {
            thrown.Add((e.Exception, Name(origin)));
        }
    }

    private static bool IsGenerator(MethodBase? method) =>
        method?.DeclaringType?.FullName is { } name
        && name.StartsWith(GeneratorNamespace, StringComparison.Ordinal)
        && !name.StartsWith("WebhookGen.Generator.Tests.", StringComparison.Ordinal);

    private static string Name(MethodBase method) => method.DeclaringType!.FullName!.Replace(GeneratorNamespace, string.Empty, StringComparison.Ordinal) + "." + method.Name;

    /// <summary>The exceptions recorded on this thread until disposed.</summary>
    internal sealed class Scope : IDisposable
    {
        public List<(Exception Exception, string Origin)> Thrown { get; } = [];

        /// <summary>The first exception thrown by WebhookGen's own code whose type and message <paramref name="diagnosticMessage"/> quotes.</summary>
        public string? Find(string diagnosticMessage)
        {
            foreach (var (exception, origin) in Thrown)
            {
                if (diagnosticMessage.Contains(exception.GetType().Name + ": " + exception.Message, StringComparison.Ordinal))
                {
                    return exception.GetType().Name + ": " + FuzzText.Clip(exception.Message, 200) + " at " + origin;
                }
            }

            return null;
        }

        public void Dispose() => t_thrown = null;
    }
}
