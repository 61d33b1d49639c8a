namespace WebhookGen.Generator.Helpers;

/// <summary>Builds RFC 6901 JSON pointers, the keys by which spec positions are found.</summary>
internal static class SpecPointer
{
    public static string Append(string pointer, string segment) =>
        pointer + "/" + segment.Replace("~", "~0").Replace("/", "~1");

    public static string Append(string pointer, string segment1, string segment2) =>
        Append(Append(pointer, segment1), segment2);
}
