using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Shouldly;
using WebhookGen.Generator.Tests.Corpus;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;
using static WebhookGen.Generator.Tests.Infrastructure.DiagnosticAssertions;

namespace WebhookGen.Generator.Tests.Jwt;

/// <summary>
/// A request body that is a signed JWT (<c>application/jwt</c> and kin) is an event whose payload is the token's claims,
/// typed from the spec, and whose descriptor tells the runtime to verify the token first (docs/jwt.md).
/// </summary>
public sealed class JwtBodyTests
{
    private const string SpecPath = "/app/hooks.yaml";

    private static string Spec(string mediaType, string schema) => $$"""
        openapi: 3.1.0
        info:
          title: JWT events
          version: 1.0.0
        paths:
          /notifications:
            post:
              operationId: notification
              requestBody:
                content:
                  {{mediaType}}:
                    schema:
        {{schema}}
              responses:
                "202":
                  description: accepted
        components:
          schemas:
            Claims:
              type: object
              required: [iss, jti, events]
              properties:
                iss:
                  type: string
                jti:
                  type: string
                iat:
                  type: integer
                  format: int64
                events:
                  type: object
                  additionalProperties: true
        """;

    private const string ClaimsRef = "              $ref: '#/components/schemas/Claims'";

    private static GeneratorRun RunWithHandlers(string spec) => CorpusReceiver.RunWithHandlers(new CorpusSpec("jwt", SpecPath, spec));

    [Theory]
    [InlineData("application/jwt")]
    [InlineData("application/jose")]
    [InlineData("application/jws")]
    [InlineData("application/secevent+jwt")]
    [InlineData("application/jwt; charset=us-ascii")]
    public void A_jwt_body_is_an_event_whose_payload_is_the_claims_and_compiles_without_warnings(string mediaType)
    {
        var run = RunWithHandlers(Spec(mediaType, ClaimsRef));

        // No WHG009 either: every body is a signed token, which is the proof without an HTTP signature scheme.
        run.GeneratorDiagnostics.ShouldBeEmpty();
        run.CompilationProblems.ShouldBeEmpty();
        run.Source(".Receiver.g.cs").ShouldContain("OnNotificationAsync(global::Corpus.Claims payload, global::WebhookGen.WebhookContext context");
        var webhooks = run.Source(".Webhooks.g.cs");
        webhooks.ShouldContain("bodyFormats: global::WebhookGen.Hosting.WebhookBodyFormats.Jwt);");
        webhooks.ShouldContain(" bodyFormat: global::WebhookGen.Hosting.WebhookBodyFormats.Jwt);");
    }

    [Fact]
    public void The_event_id_of_a_jwt_event_is_its_jti_claim()
    {
        var webhooks = RunWithHandlers(Spec("application/jwt", ClaimsRef)).Source(".Webhooks.g.cs");

        webhooks.ShouldContain("static payload => payload.Jti,");
        webhooks.ShouldContain("bodyFormat: global::WebhookGen.Hosting.WebhookBodyFormats.Jwt);");
    }

    /// <summary>The media type's schema as it stands in <see cref="Spec"/>, and the claims' type it gives.</summary>
    public static TheoryData<string, string> ClaimsSchemas() => new()
    {
        // OpenAPI 3.1: a string whose decoded content is described by contentSchema.
        { "type: string\ncontentMediaType: application/jwt\ncontentSchema:\n  $ref: '#/components/schemas/Claims'", "global::Corpus.Claims" },

        // An inline object, named after the event.
        { "type: object\nproperties:\n  sub:\n    type: string", "global::Corpus.NotificationClaims" },
    };

    [Theory]
    [MemberData(nameof(ClaimsSchemas))]
    public void Claims_are_typed_from_an_object_schema_or_a_content_schema(string schema, string claimsType)
    {
        var indented = string.Join("\n", schema.Split('\n').Select(line => new string(' ', 14) + line));
        var run = RunWithHandlers(Spec("application/jwt", indented));

        run.GeneratorDiagnostics.ShouldBeEmpty();
        run.CompilationProblems.ShouldBeEmpty();
        run.Source(".Receiver.g.cs").ShouldContain($"OnNotificationAsync({claimsType} payload");
    }

    [Fact]
    public void WHG024_a_jwt_body_whose_claims_are_not_described_is_received_as_raw_json()
    {
        const string Schema = """
                          type: string
                          format: base64
            """;
        var spec = Spec("application/jwt", Schema);
        var run = RunWithHandlers(spec);

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG024");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldStartWith("The event notification has a signed JWT body (application/jwt) whose claims the spec does not describe as an object");
        ShouldPointAt(diagnostic, SpecPath, spec, "type: string");
        run.Source(".Receiver.g.cs").ShouldContain("OnNotificationAsync(global::System.Text.Json.JsonElement payload");
        run.CompilationProblems.Where(d => d.Id != "WHG024").ShouldBeEmpty();
    }

    [Fact]
    public void WHG025_a_jwt_event_on_a_url_other_events_share_is_not_received()
    {
        const string Spec = """
            openapi: 3.1.0
            info:
              title: Mixed
              version: 1.0.0
            webhooks:
              jsonEvent:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            id:
                              type: string
                  responses:
                    "200":
                      description: ok
              tokenEvent:
                post:
                  requestBody:
                    content:
                      application/jwt:
                        schema:
                          type: object
                          properties:
                            jti:
                              type: string
                  responses:
                    "200":
                      description: ok
            """;
        var run = RunWithHandlers(Spec);

        // WHG009 too: the JSON event needs an HTTP signature scheme, which this spec does not declare.
        var diagnostic = run.GeneratorDiagnostics.Where(d => d.Id != "WHG009").ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG025");
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldBe(
            "The event tokenEvent has a signed JWT body on POST /, which jsonEvent also use; a JWT event needs a URL of its own, since nothing names it before its token is verified, so it is not received");
        ShouldPointAt(diagnostic, SpecPath, Spec, "requestBody:", after: "tokenEvent:");
        CorpusReceiver.Handlers(run).Select(h => h.Identifier.Text).ShouldBe(["OnJsonEventAsync"]);
        run.Source(".Webhooks.g.cs").ShouldNotContain("WebhookBodyFormats");
    }

    [Fact]
    public void A_receiver_of_json_and_jwt_events_lists_both_formats()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Mixed
              version: 1.0.0
            paths:
              /json:
                post:
                  operationId: plain
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                  responses:
                    "200":
                      description: ok
              /jwt:
                post:
                  operationId: signed
                  requestBody:
                    content:
                      application/jwt:
                        schema:
                          type: object
                  responses:
                    "200":
                      description: ok
            """;
        var run = RunWithHandlers(Spec);

        run.CompilationProblems.ShouldBeEmpty();
        var webhooks = run.Source(".Webhooks.g.cs");
        webhooks.ShouldContain("bodyFormats: global::WebhookGen.Hosting.WebhookBodyFormats.Json | global::WebhookGen.Hosting.WebhookBodyFormats.Jwt);");
        webhooks.Split("bodyFormat: global::WebhookGen.Hosting.WebhookBodyFormats.Jwt);").Length.ShouldBe(2, "only the JWT event is read as a token");
    }

    [Fact]
    public void A_json_body_beside_a_jwt_one_is_read_as_json()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Both
              version: 1.0.0
            paths:
              /events:
                post:
                  operationId: evt
                  requestBody:
                    content:
                      application/jwt:
                        schema:
                          type: string
                      application/json:
                        schema:
                          type: object
                          properties:
                            id:
                              type: string
                  responses:
                    "200":
                      description: ok
            """;
        var run = RunWithHandlers(Spec);

        // A JSON event: it needs an HTTP signature scheme (WHG009), which a JWT-only receiver does not.
        run.GeneratorDiagnostics.ShouldHaveSingleItem().Id.ShouldBe("WHG009");
        run.Source(".Webhooks.g.cs").ShouldNotContain("WebhookBodyFormats");
    }

    [Fact]
    public void The_sender_of_a_jwt_event_posts_the_token_it_is_given_as_application_jwt()
    {
        var sender = RunWithHandlers(Spec("application/jwt", ClaimsRef)).Source(".Sender.g.cs");

        sender.ShouldContain("SendNotificationAsync(string payload, string? id = null");
        sender.ShouldContain("global::System.Text.Encoding.ASCII.GetBytes(payload), new global::System.Collections.Generic.KeyValuePair<string, string>[] { new(\"Content-Type\", \"application/jwt\") }");
    }

    [Fact]
    public void The_open_banking_style_spec_gives_typed_claims()
    {
        var run = CorpusReceiver.RunWithHandlers(CorpusSpecs.Load("jwt-event-notification"));

        run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info).ShouldBeEmpty();
        run.CompilationProblems.ShouldBeEmpty();
        run.Source(".Receiver.g.cs").ShouldContain("OnEventNotificationAsync(global::Corpus.EventNotification payload");
        var webhooks = run.Source(".Webhooks.g.cs");
        webhooks.ShouldContain("MapWebhookEvent(group, \"POST\", \"/event-notifications\", global::Corpus.CorpusReceiverWebhooks.EventNotification)");
        webhooks.ShouldContain("static payload => payload.Jti,");
    }
}
