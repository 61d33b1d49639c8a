using System;
using System.Collections.Generic;

namespace WebhookGen.Hosting;

/// <summary>
/// A handler's exception as it is logged: the same type name, stack trace and inner exceptions, with every configured
/// secret in a message replaced by <c>[secret]</c>. A handler that puts a secret into an exception message (a
/// connection string, a failed signature check of its own) must not have it written to the logs.
/// </summary>
internal sealed class RedactedException : Exception
{
    private const string Mask = "[secret]";

    private readonly string _typeName;
    private readonly string? _stackTrace;

    private RedactedException(Exception original, IReadOnlyList<string> secrets)
        : base(Redact(original.Message, secrets), original.InnerException is null ? null : new RedactedException(original.InnerException, secrets))
    {
        _typeName = original.GetType().FullName ?? original.GetType().Name;
        _stackTrace = original.StackTrace;
        HResult = original.HResult;
    }

    public override string? StackTrace => _stackTrace;

    /// <summary>The exception to log for <paramref name="original"/>: itself when no secret is configured.</summary>
    public static Exception For(Exception original, IReadOnlyList<string> secrets) =>
        secrets.Count == 0 ? original : new RedactedException(original, secrets);

    public override string ToString()
    {
        var text = _typeName + ": " + Message;
        if (InnerException is not null)
        {
            text += " ---> " + InnerException + Environment.NewLine + "   --- End of inner exception stack trace ---";
        }

        return _stackTrace is null ? text : text + Environment.NewLine + _stackTrace;
    }

    internal static string Redact(string message, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets)
        {
            message = message.Replace(secret, Mask, StringComparison.Ordinal);
            const string Prefix = WebhookGen.Signatures.SecretKeys.WhsecPrefix;
            if (secret.StartsWith(Prefix, StringComparison.Ordinal) && secret.Length > Prefix.Length)
            {
                message = message.Replace(secret[Prefix.Length..], Mask, StringComparison.Ordinal);
            }
        }

        return message;
    }
}
