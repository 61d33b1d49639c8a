using System.Globalization;
using System.Text;

namespace WebhookGen.Benchmarks.Generator.Specs;

/// <summary>
/// An OpenAPI 3.1 document with a given number of webhooks, each with a payload schema of its own (scalars, an enum and
/// a nested object), told apart by a constant <c>type</c> property, all signed with an <c>X-Hub-Signature-256</c>
/// header: a spec the generator reads without a warning. The same count always gives the same text.
/// </summary>
internal static class SyntheticSpec
{
    public static string Create(int eventCount)
    {
        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"""
            openapi: 3.1.0
            info:
              title: Synthetic webhooks ({eventCount} events)
              version: 1.0.0
            webhooks:

            """);
        for (int i = 1; i <= eventCount; i++)
        {
            AppendWebhook(yaml, i);
        }

        yaml.Append("""
            components:
              schemas:

            """);
        for (int i = 1; i <= eventCount; i++)
        {
            AppendPayloadSchema(yaml, i);
        }

        return yaml.ToString();
    }

    private static string Name(int i) => "Resource" + i.ToString("D4", CultureInfo.InvariantCulture);

    private static string EventName(int i) => Name(i).ToLowerInvariant() + ".updated";

    private static void AppendWebhook(StringBuilder yaml, int i) =>
        yaml.Append(CultureInfo.InvariantCulture, $"""
              {EventName(i)}:
                post:
                  summary: {Name(i)} was updated.
                  parameters:
                    - name: X-Hub-Signature-256
                      in: header
                      required: true
                      schema:
                        type: string
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/{Name(i)}Updated'
                  responses:
                    '200':
                      description: Received.

            """);

    private static void AppendPayloadSchema(StringBuilder yaml, int i) =>
        yaml.Append(CultureInfo.InvariantCulture, $"""
                {Name(i)}Updated:
                  type: object
                  required: [type, id, status, occurredAt]
                  properties:
                    type:
                      type: string
                      const: {EventName(i)}
                    id:
                      type: string
                    occurredAt:
                      type: string
                      format: date-time
                    amount:
                      type: integer
                      format: int64
                    status:
                      type: string
                      enum: [pending, active, closed]
                    details:
                      type: object
                      properties:
                        note:
                          type: string
                        attempts:
                          type: integer
                        tags:
                          type: array
                          items:
                            type: string

            """);
}
