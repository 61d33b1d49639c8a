using System;
using System.IO;
using System.Linq;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using WebhookGen.Generator.Tests.Schemas;
using WebhookGen.Json;
using Xunit;

namespace WebhookGen.Generator.Tests.References;

/// <summary>
/// A spec split over files as providers publish them (<c>References/Fixtures/shop</c>): a root with the webhooks, a
/// path item in a file of its own, parameters and responses in shared files, one schema per file, all reached with
/// <c>../</c> references; every file is an AdditionalFiles item, as a glob would list them.
/// </summary>
public sealed class ShopSpecTests
{
    private static readonly Lazy<Generated> Shop = new(() => MultiFileSpecs.Load(Files()));

    [Fact]
    public void Every_event_is_typed_end_to_end_and_the_output_compiles_without_a_warning()
    {
        var run = Shop.Value.Run;

        var handlers = run.Source(".Receiver.g.cs");
        handlers.ShouldContain("OnOrderCreatedAsync(global::Hooks.OrderCreatedEvent payload");
        handlers.ShouldContain("OnOrderPaidAsync(global::Hooks.OrderPaidEvent payload");
        run.Source(".Models.Order.g.cs").ShouldContain("public required OrderStatus Status { get; init; }");
        run.Source(".Models.Order.g.cs").ShouldContain("public required Customer Customer { get; init; }");
        run.Source(".Models.Customer.g.cs").ShouldContain("public Address? BillingAddress { get; init; }");
        run.Source(".Models.OrderPaidEventData.g.cs").ShouldContain("public required Money Amount { get; init; }");

        // The signature headers come from the shared parameters file.
        run.Source(".Webhooks.g.cs").ShouldContain("webhook-signature");

        // Each schema file is one type, however many files refer to it.
        run.Sources.Count(s => s.HintName.EndsWith(".Models.Money.g.cs", StringComparison.Ordinal)).ShouldBe(1);
        run.Sources.ShouldNotContain(s => s.HintName.Contains(".Models.Accepted", StringComparison.Ordinal));
    }

    [Fact]
    public void A_payload_read_through_the_generated_reader_is_typed_from_every_file()
    {
        var created = Shop.Value.Read("OrderCreatedEvent", Delivery("2"), WebhookPayloadReading.Strict, out var drift);

        drift.ShouldBeEmpty();
        Generated.Get(created, "Data", "Customer", "BillingAddress", "City").ShouldBe("Lyon");
        Generated.Get(created, "Data", "Status", "Value").ShouldBe("paid");
        var line = ((System.Collections.IEnumerable)Generated.Get(created, "Data", "Lines")!).Cast<object>().Single();
        Generated.Get(line, "Quantity").ShouldBe(2);
        Generated.Get(line, "Price", "Value").ShouldBe("9.90");
    }

    [Fact]
    public void A_member_of_the_wrong_type_deep_in_another_file_is_rejected_when_strict_and_recorded_as_drift_when_tolerant()
    {
        var bad = Delivery("\"two\"");

        Should.Throw<WebhookPayloadException>(() => Shop.Value.Read("OrderCreatedEvent", bad, WebhookPayloadReading.Strict, out _)).Path.ShouldBe("data.lines[0].quantity");
        var tolerant = Shop.Value.Read("OrderCreatedEvent", bad, WebhookPayloadReading.Tolerant, out var drift);
        drift.ShouldBe([new PayloadDrift("data.lines[].quantity", PayloadDriftKind.WrongType)]);
        Generated.Get(tolerant, "Data", "Customer", "Email").ShouldBe("ada@example.test");
    }

    private static string Delivery(string quantity) => $$$"""
        {"type":"order.created","timestamp":"2026-11-30T10:00:00Z","data":{
          "id":"3fa85f64-5717-4562-b3fc-2c963f66afa6","status":"paid",
          "customer":{"id":"c1","email":"ada@example.test","billing_address":{"city":"Lyon","country":"FR"}},
          "lines":[{"sku":"tea","quantity":{{{quantity}}},"price":{"value":"9.90","currency":"EUR"}}]}}
        """;

    /// <summary>The fixture's files, the root first, under a project folder as the compiler would see them.</summary>
    private static InMemoryAdditionalText[] Files()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "References", "Fixtures", "shop");
        return Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories)
            .Select(path => (Relative: Path.GetRelativePath(folder, path).Replace('\\', '/'), Path: path))
            .OrderBy(file => file.Relative == "openapi/shop.yaml" ? 0 : 1)
            .ThenBy(file => file.Relative, StringComparer.Ordinal)
            .Select(file => new InMemoryAdditionalText("/app/shop/" + file.Relative, File.ReadAllText(file.Path)))
            .ToArray();
    }
}
