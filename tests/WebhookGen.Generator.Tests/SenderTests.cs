using System.Linq;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests;

/// <summary>
/// The generated <c>{Receiver}Sender</c> sends each event as the spec describes it: with its own HTTP method, and with a
/// parameter per path template variable whose value is escaped into the route. Over HTTP, the corpus test sends every
/// sample of every spec this way (<c>CorpusExamplesTests</c>).
/// </summary>
public sealed class SenderTests
{
    private const string Spec = """
        openapi: 3.0.3
        info:
          title: Items
          version: 1.0.0
        paths:
          /items/{id}:
            put:
              operationId: itemReplaced
              parameters:
              - name: id
                in: path
                required: true
                schema:
                  type: string
              - name: X-Hub-Signature-256
                in: header
                required: true
                schema:
                  type: string
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Item'
              responses:
                "200":
                  description: ok
          /stores/{store-id}/items/{class}:
            patch:
              operationId: itemPatched
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Item'
              responses:
                "200":
                  description: ok
          /items:
            post:
              operationId: itemCreated
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Item'
              responses:
                "200":
                  description: ok
        components:
          schemas:
            Item:
              type: object
              properties:
                name:
                  type: string
        """;

    private static string Sender()
    {
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText("hooks.yaml", Spec));
        run.CompilationProblems.Where(d => d.Id != "CS8795").Select(d => d.ToString()).ShouldBeEmpty();
        return run.Source(".Sender.g.cs");
    }

    [Fact]
    public void An_event_is_sent_with_its_own_method()
    {
        var sender = Sender();

        sender.ShouldContain("Client.SendAsync(global::System.Net.Http.HttpMethod.Put, ");
        sender.ShouldContain("Client.SendAsync(global::System.Net.Http.HttpMethod.Patch, ");
        sender.ShouldContain("SendItemCreatedAsync(global::Tests.Item payload, string? id = null, global::System.Threading.CancellationToken cancellationToken = default) =>\n        Client.SendAsync(_routePrefix + \"/items\", ");
    }

    [Fact]
    public void Each_path_variable_is_a_parameter_escaped_into_the_route()
    {
        var sender = Sender();

        // {id} would clash with the delivery id: it takes the suffix Value. {class} is a keyword.
        sender.ShouldContain("SendItemReplacedAsync(string idValue, global::Tests.Item payload, string? id = null, ");
        sender.ShouldContain("global::System.ArgumentException.ThrowIfNullOrEmpty(idValue);");
        sender.ShouldContain("_routePrefix + \"/items/\" + global::System.Uri.EscapeDataString(idValue), ");
        sender.ShouldContain("SendItemPatchedAsync(string storeId, string @class, global::Tests.Item payload, ");
        sender.ShouldContain("_routePrefix + \"/stores/\" + global::System.Uri.EscapeDataString(storeId) + \"/items/\" + global::System.Uri.EscapeDataString(@class), ");
        sender.ShouldContain("<param name=\"idValue\">The value of <c>{id}</c> in the route");
    }
}
