namespace WebhookGen.Generator.Tests.Infrastructure;

/// <summary>Small specs written for one test each.</summary>
internal static class MiniSpecs
{
    public const string ReceiverSource = """
        using WebhookGen;

        namespace Tests;

        [WebhookReceiver("hooks.yaml")]
        public partial class HookReceiver
        {
        }
        """;

    /// <summary>One event, signed like gridX, with a description that needs XML escaping.</summary>
    public const string OneEvent = """
        openapi: 3.0.3
        info:
          title: One event
          version: 1.0.0
        servers:
        - url: https://example.test/hooks
        paths:
          /ping:
            post:
              description: "Sent when <ping> & pong."
              parameters:
              - name: X-Hub-Signature-256
                in: header
                required: true
                schema:
                  type: string
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Ping'
              responses:
                "200":
                  description: ok
        components:
          schemas:
            Ping:
              type: object
              required: [id]
              properties:
                id:
                  type: string
                count:
                  type: integer
                  format: int32
        """;
}
