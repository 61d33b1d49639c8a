using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebhookGen.Hosting;
using WebhookGen.Signatures;

namespace WebhookGen.Generator.Tests.Corpus;

/// <summary>
/// A compiled corpus receiver served on a real Kestrel on 127.0.0.1 (a free port): registered and mapped through its
/// generated <c>Add{Receiver}</c> and <c>Map{Receiver}</c>, configured with a test secret for the spec's signature scheme
/// (or, when the spec declares none WebhookGen recognises, an HMAC-SHA256 scheme set in code), reading payloads strictly
/// so that a sample that drifts from its schema is refused, and without deduplication, since samples share ids.
/// </summary>
internal sealed class CorpusHost : IAsyncDisposable
{
    /// <summary>The scheme the host verifies and the sender signs with when the spec declares none.</summary>
    public static readonly WebhookSignatureScheme FallbackScheme = WebhookSignatureScheme.Hub("X-Corpus-Signature", HmacAlgorithm.Sha256);

    private readonly WebApplication _app;

    private CorpusHost(WebApplication app, HttpClient client, string secret, WebhookSignatureScheme? schemeSetInCode)
    {
        _app = app;
        Client = client;
        Secret = secret;
        SchemeSetInCode = schemeSetInCode;
    }

    /// <summary>A client whose base address is the receiver's.</summary>
    public HttpClient Client { get; }

    /// <summary>The secret the receiver is configured with, in its scheme's encoding.</summary>
    public string Secret { get; }

    /// <summary>The scheme set in code when the spec declares none; null when the spec's own scheme is used.</summary>
    public WebhookSignatureScheme? SchemeSetInCode { get; }

    public static async Task<CorpusHost> StartAsync(Assembly receiverAssembly, bool jwtEvents)
    {
        var descriptor = (WebhookReceiverDescriptor)Type(receiverAssembly, CorpusReceiver.ClassName + "Webhooks")
            .GetProperty("Receiver", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var schemeSetInCode = descriptor.SignatureScheme is null ? FallbackScheme : null;
        var scheme = descriptor.SignatureScheme ?? FallbackScheme;
        var secret = scheme.SecretEncoding == SecretEncoding.WhsecBase64
            ? "whsec_" + Convert.ToBase64String("corpus-test-secret-0123456789abcdef"u8.ToArray())
            : "corpus-test-secret";

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var section = "Webhooks:" + CorpusReceiver.ClassName + ":";
        builder.Configuration[section + "Secret"] = secret;
        builder.Configuration[section + "PayloadReading"] = "Strict";
        builder.Configuration[section + "Idempotency:Enabled"] = "false";
        if (jwtEvents)
        {
            // The samples' claims name no real issuer or audience; their age is bounded instead of an exp.
            builder.Configuration[section + "Jwt:SharedSecrets:0"] = CorpusJwt.SharedSecret;
            builder.Configuration[section + "Jwt:Algorithms:0"] = "HS256";
            builder.Configuration[section + "Jwt:ValidateIssuer"] = "false";
            builder.Configuration[section + "Jwt:ValidateAudience"] = "false";
            builder.Configuration[section + "Jwt:RequireExpirationTime"] = "false";
            builder.Configuration[section + "Jwt:MaxTokenAge"] = "00:05:00";
        }

        Action<WebhookReceiverOptions> configure = options =>
        {
            if (schemeSetInCode is not null)
            {
                options.UseSignatureScheme(schemeSetInCode);
            }
        };
        Extension(receiverAssembly, "Add" + CorpusReceiver.ClassName).Invoke(null, [builder.Services, configure]);
        var app = builder.Build();
        Extension(receiverAssembly, "Map" + CorpusReceiver.ClassName).Invoke(null, [app, null]);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CorpusHost(app, new HttpClient { BaseAddress = new Uri(address) }, secret, schemeSetInCode);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Type Type(Assembly assembly, string name) =>
        assembly.GetType(CorpusReceiver.Namespace + "." + name)
        ?? throw new InvalidOperationException($"The compiled receiver has no type {name}.");

    private static MethodInfo Extension(Assembly assembly, string name)
    {
        var methods = assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name == name)
            .ToList();
        return methods.Count == 1
            ? methods[0]
            : throw new InvalidOperationException($"The compiled receiver has {methods.Count} methods named {name}; expected one.");
    }
}
