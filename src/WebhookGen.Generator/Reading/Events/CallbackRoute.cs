using System;

namespace WebhookGen.Generator.Reading.Events;

/// <summary>
/// The route of a callback: the receiver's URL is whatever the subscriber registered (a runtime expression such as
/// <c>{$request.body#/callbackUrl}/readings</c>), so the route is the expression's literal suffix (<c>/readings</c>), or
/// the prefix itself when there is none.
/// </summary>
internal static class CallbackRoute
{
    public static string FromExpression(string expression)
    {
        var end = expression.LastIndexOf('}');
        var suffix = end < 0 ? string.Empty : expression.Substring(end + 1);
        var query = suffix.IndexOfAny(['?', '#']);
        if (query >= 0)
        {
            suffix = suffix.Substring(0, query);
        }

        suffix = suffix.TrimEnd('/');
        return suffix.StartsWith("/", StringComparison.Ordinal) ? suffix : "/";
    }
}
