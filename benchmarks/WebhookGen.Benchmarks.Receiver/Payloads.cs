using System.Security.Cryptography;
using System.Text;

namespace WebhookGen.Benchmarks.Receiver;

/// <summary>The signed deliveries the benchmarks send: a gridX <c>appliance/create</c> and a GitHub <c>ping</c> of similar size.</summary>
internal static class Payloads
{
    public const string Secret = "whsec-benchmark-0f3c9b7e2a614d58";

    public const string GridXRoute = "/gridx/events/appliance/create";

    public const string GitHubRoute = "/api/github/webhooks";

    /// <summary>
    /// An <c>appliance/create</c> event built from the spec's property examples (587 bytes for <paramref name="index"/> 0).
    /// Each index gets its own event id, so deduplication sees distinct deliveries.
    /// </summary>
    public static byte[] GridXBody(int index) => Encoding.UTF8.GetBytes(
        "{\"id\":\"" + new Guid(index, 0x3c1e, 0x4a8e, 0x9f, 0x4e, 0x2f, 0x1d, 0x8c, 0x3b, 0x7a, 0x10).ToString() + "\","
        + "\"time\":\"2024-05-14T09:21:07.123Z\",\"dataContentType\":\"application/json\",\"specVersion\":\"1.0\","
        + "\"source\":\"/systems/5eda17ec-4dc9-46d5-b3b8-c396f75a760f\",\"correlationID\":\"7d9e2b1c-5a4f-4e3d-8c2b-1a0f9e8d7c6b\","
        + "\"type\":\"appliance/create\",\"data\":{\"applianceID\":\"fc0a6ac7-64ce-4276-a7cd-bace946af433\","
        + "\"gatewayID\":\"25ccab17-cd40-4db1-a320-a986d1c15fb1\",\"model\":\"Baz\",\"manufacturer\":\"Iskraemeco\",\"type\":\"METER\","
        + "\"kind\":\"BATTERY\",\"name\":\"ExampleMeter\",\"serialNumber\":\"9312355\",\"systemID\":\"c9db369e-7cf8-4ad1-ade5-46f61a5125c2\","
        + "\"systemName\":\"ExampleSystem\"}}");

    /// <summary>A GitHub <c>ping</c> event as GitHub sends it for a repository hook, without the optional <c>repository</c> and <c>sender</c>.</summary>
    public static byte[] GitHubPingBody() => Encoding.UTF8.GetBytes(
        "{\"zen\":\"Responsive is better than fast.\",\"hook_id\":467212345,\"hook\":{\"type\":\"Repository\",\"id\":467212345,"
        + "\"name\":\"web\",\"active\":true,\"events\":[\"push\",\"pull_request\"],\"config\":{\"content_type\":\"json\","
        + "\"insecure_ssl\":\"0\",\"url\":\"https://example.com/api/github/webhooks\"},\"updated_at\":\"2024-05-14T09:21:07Z\","
        + "\"created_at\":\"2024-05-14T09:21:07Z\",\"url\":\"https://api.github.com/repos/octo-org/octo-repo/hooks/467212345\","
        + "\"test_url\":\"https://api.github.com/repos/octo-org/octo-repo/hooks/467212345/test\","
        + "\"ping_url\":\"https://api.github.com/repos/octo-org/octo-repo/hooks/467212345/pings\","
        + "\"deliveries_url\":\"https://api.github.com/repos/octo-org/octo-repo/hooks/467212345/deliveries\","
        + "\"last_response\":{\"code\":null,\"status\":\"unused\",\"message\":null}}}");

    public static Delivery GridX(int index)
    {
        var body = GridXBody(index);
        return new Delivery(body,
        [
            new("Content-Type", "application/json"),
            new("User-Agent", "gridX-Webhooks/1.0"),
            new("X-Signature", "sha512=" + Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(Secret), body))),
        ]);
    }

    public static Delivery GitHubPing()
    {
        var body = GitHubPingBody();
        return new Delivery(body,
        [
            new("Content-Type", "application/json"),
            new("User-Agent", "GitHub-Hookshot/7a2d5b4"),
            new("X-GitHub-Event", "ping"),
            new("X-GitHub-Delivery", "0b6a7a52-3c1e-11ef-9f4e-2f1d8c3b7a10"),
            new("X-GitHub-Hook-ID", "467212345"),
            new("X-GitHub-Hook-Installation-Target-ID", "79548491"),
            new("X-GitHub-Hook-Installation-Target-Type", "repository"),
            new("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body))),
        ]);
    }

    /// <summary>The same delivery with its last signature byte flipped, for the setup's negative check.</summary>
    public static Delivery Tampered(Delivery delivery, string signatureHeader)
    {
        var headers = delivery.Headers.Select(header => header.Key == signatureHeader ? new(header.Key, Flip(header.Value)) : header);
        return new Delivery(delivery.Body, [.. headers]);

        static string Flip(string signature) => signature[..^1] + (signature[^1] == '0' ? '1' : '0');
    }
}
