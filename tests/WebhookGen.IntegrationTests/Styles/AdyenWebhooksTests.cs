using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers.Styles.Adyen;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.IntegrationTests.Styles;

/// <summary>
/// OpenAPI 3.1 <c>webhooks</c> (<c>specs/adyen-management/webhooks.json</c>): all eight events at <c>POST /webhooks/</c>,
/// named by the body's <c>type</c>; <c>terminalAssignment.completed</c> has no <c>type</c> and receives the deliveries
/// without one. Signed with a verifier set in code (the spec declares none); 401 on failure (the spec declares no 403).
/// </summary>
public sealed class AdyenWebhooksTests : SharedRouteContract
{
    private const string CreatedAt = "2024-12-15T15:42:03+01:00";
    private const string CompanyId = "YOUR_COMPANY_ID";
    private const string MerchantId = "MC3224X22322535GH8D537TJR";
    private const string LegalEntityId = "LE322JV223222D5GG42KN6869";
    private const string StoreId = "ST322LJ223223K5F4SQNR9XL5";
    private const string PaymentMethodId = "PM3224R223224K5FH4M2K9B86";
    private const string TerminalId = "S1F2-000150183300032";

    private static readonly StyleSignature HmacSha256 = new("X-Adyen-Hmac-Signature", HmacAlgorithm.Sha256);
    private static readonly DateTimeOffset CreatedAtValue = new(2024, 12, 15, 15, 42, 3, TimeSpan.FromHours(1));

    protected override string ReceiverName => nameof(AdyenManagementReceiver);

    protected override StyleSignature Signature => HmacSha256;

    protected override HttpStatusCode SignatureFailureStatus => HttpStatusCode.Unauthorized;

    protected override string SharedRoute => "/webhooks/";

    protected override string KnownEventValue => "merchant.created";

    protected override string KnownEventHandler => nameof(AdyenManagementReceiver.OnMerchantCreatedAsync);

    protected override Task<ReceiverHost> StartAsync(Action<ReceiverHostOptions>? configure = null) =>
        StyleHosting.StartAsync(
            ReceiverName,
            services => services.AddAdyenManagementReceiver(options => options.UseSignatureVerifier(HmacSha256.CreateVerifier())),
            app => app.MapAdyenManagementReceiver(),
            configure);

    protected override (JsonObject Body, Action<HttpRequestMessage>? Configure) SampleDelivery(string? eventValue)
    {
        var body = MerchantCreated();
        if (eventValue is null)
        {
            body.Remove("type");
        }
        else
        {
            body["type"] = eventValue;
        }

        return (body, null);
    }

    [Fact]
    public async Task Merchant_created_reaches_its_handler_with_typed_values()
    {
        var delivery = await DeliverAsync(MerchantCreated(), nameof(AdyenManagementReceiver.OnMerchantCreatedAsync), "merchant.created");

        delivery.EventId.ShouldBeNull();
        var payload = delivery.Payload.ShouldBeOfType<MerchantCreatedNotificationRequest>();
        payload.Type.ShouldBe(MerchantCreatedNotificationRequestType.MerchantCreated);
        payload.Type.IsDefined.ShouldBeTrue();
        payload.Environment.ShouldBe("test");
        payload.CreatedAt.ShouldBe(CreatedAtValue);
        payload.Data.CompanyId.ShouldBe(CompanyId);
        payload.Data.MerchantId.ShouldBe(MerchantId);
        payload.Data.LegalEntityId.ShouldBe(LegalEntityId);
        payload.Data.Status.ShouldBe("PreActive");
        var capability = payload.Data.Capabilities["receivePayments"];
        capability.Requested.ShouldBeTrue();
        capability.RequestedLevel.ShouldBe("notApplicable");
        capability.Allowed.ShouldBe(false);
        capability.VerificationStatus.ShouldBe("pending");
        capability.VerificationDeadline.ShouldBe(new DateTimeOffset(2025, 1, 14, 15, 42, 3, TimeSpan.Zero));
    }

    [Fact]
    public async Task Merchant_updated_reaches_its_handler_with_typed_values()
    {
        var delivery = await DeliverAsync(MerchantUpdated(), nameof(AdyenManagementReceiver.OnMerchantUpdatedAsync), "merchant.updated");

        var payload = delivery.Payload.ShouldBeOfType<MerchantUpdatedNotificationRequest>();
        payload.Type.ShouldBe(MerchantUpdatedNotificationRequestType.MerchantUpdated);
        payload.CreatedAt.ShouldBe(CreatedAtValue);
        payload.Data.MerchantId.ShouldBe(MerchantId);
        payload.Data.Status.ShouldBe("Active");
        payload.Data.LegalEntityId.ShouldBeNull();
        var capability = payload.Data.Capabilities["sendToTransferInstrument"];
        capability.Requested.ShouldBeTrue();
        capability.Allowed.ShouldBe(false);
        var problem = capability.Problems.ShouldNotBeNull().ShouldHaveSingleItem();
        var entity = problem.Entity.ShouldNotBeNull();
        entity.Id.ShouldBe(LegalEntityId);
        entity.Type.ShouldBe(CapabilityProblemEntityRecursiveType.LegalEntity); // one enum: the same values as the owner's, met first
        entity.Owner.ShouldNotBeNull().Type.ShouldBe(CapabilityProblemEntityRecursiveType.BankAccount);
        var error = problem.VerificationErrors.ShouldNotBeNull().ShouldHaveSingleItem();
        error.Code.ShouldBe("2_8037");
        error.Type.ShouldBe(VerificationErrorRecursiveType.DataMissing); // one enum with the sub-errors'
        error.RemediatingActions.ShouldNotBeNull().ShouldHaveSingleItem().Code.ShouldBe("2_158");
        error.SubErrors.ShouldNotBeNull().ShouldHaveSingleItem().Type.ShouldBe(VerificationErrorRecursiveType.InvalidInput);
    }

    [Fact]
    public async Task Payment_method_created_reaches_its_handler_with_typed_values()
    {
        var delivery = await DeliverAsync(PaymentMethodEvent("paymentMethod.created", "success"), nameof(AdyenManagementReceiver.OnPaymentMethodCreatedAsync), "paymentMethod.created");

        var payload = delivery.Payload.ShouldBeOfType<PaymentMethodCreatedNotificationRequest>();
        payload.Type.ShouldBe(PaymentMethodCreatedNotificationRequestType.PaymentMethodCreated);
        ShouldBeSamplePaymentMethod(payload.Data, MidServiceNotificationDataStatus.Success);
    }

    [Fact]
    public async Task Payment_method_request_removed_reaches_its_handler_with_typed_values()
    {
        var delivery = await DeliverAsync(
            PaymentMethodEvent("paymentMethodRequest.removed", "failure"),
            nameof(AdyenManagementReceiver.OnPaymentMethodRequestRemovedAsync),
            "paymentMethodRequest.removed");

        var payload = delivery.Payload.ShouldBeOfType<PaymentMethodRequestRemovedNotificationRequest>();
        payload.Type.ShouldBe(PaymentMethodRequestRemovedNotificationRequestType.PaymentMethodRequestRemoved);
        ShouldBeSamplePaymentMethod(payload.Data, MidServiceNotificationDataStatus.Failure);
    }

    [Fact]
    public async Task Payment_method_request_scheduled_for_removal_reaches_its_handler_with_typed_values()
    {
        var delivery = await DeliverAsync(
            PaymentMethodEvent("paymentMethodRequest.scheduledForRemoval", "dataRequired"),
            nameof(AdyenManagementReceiver.OnPaymentMethodRequestScheduledForRemovalAsync),
            "paymentMethodRequest.scheduledForRemoval");

        var payload = delivery.Payload.ShouldBeOfType<PaymentMethodScheduledForRemovalNotificationRequest>();
        payload.Type.ShouldBe(PaymentMethodScheduledForRemovalNotificationRequestType.PaymentMethodRequestScheduledForRemoval);
        ShouldBeSamplePaymentMethod(payload.Data, MidServiceNotificationDataStatus.DataRequired);
    }

    [Fact]
    public async Task Terminal_assignment_completed_has_no_type_and_receives_deliveries_without_one()
    {
        var delivery = await DeliverAsync(TerminalAssignment(), nameof(AdyenManagementReceiver.OnTerminalAssignmentCompletedAsync), "terminalAssignment.completed");

        var payload = delivery.Payload.ShouldBeOfType<TerminalAssignmentNotificationRequest>();
        payload.AssignedToAccount.ShouldBe(CompanyId);
        payload.AssignedToStore.ShouldBe("YOUR_STORE");
        payload.AssignedToStoreId.ShouldBe(StoreId);
        payload.EventDate.ShouldBe("2023-06-13T09:45:20.000Z");
        payload.PspReference.ShouldBe("SNXW6B5HMHW7SX65");
        payload.UniqueTerminalId.ShouldBe(TerminalId);
    }

    [Fact]
    public async Task Terminal_boarding_triggered_reaches_its_handler_with_typed_values()
    {
        var body = Notification("terminalBoarding.triggered", new JsonObject
        {
            ["companyId"] = CompanyId,
            ["merchantId"] = MerchantId,
            ["storeId"] = StoreId,
            ["uniqueTerminalId"] = TerminalId,
        });

        var delivery = await DeliverAsync(body, nameof(AdyenManagementReceiver.OnTerminalBoardingTriggeredAsync), "terminalBoarding.triggered");

        var payload = delivery.Payload.ShouldBeOfType<TerminalBoardingNotificationRequest>();
        payload.Type.ShouldBe(TerminalBoardingNotificationRequestType.TerminalBoardingTriggered);
        payload.Data.CompanyId.ShouldBe(CompanyId);
        payload.Data.MerchantId.ShouldBe(MerchantId);
        payload.Data.StoreId.ShouldBe(StoreId);
        payload.Data.UniqueTerminalId.ShouldBe(TerminalId);
    }

    [Fact]
    public async Task Terminal_settings_modified_reaches_its_handler_with_typed_values()
    {
        var body = Notification("terminalSettings.modified", new JsonObject
        {
            ["companyId"] = CompanyId,
            ["merchantId"] = MerchantId,
            ["storeId"] = StoreId,
            ["terminalId"] = TerminalId,
            ["updateSource"] = "Customer Area",
            ["user"] = "ws_123456@Company.YOUR_COMPANY_ID",
        });

        var delivery = await DeliverAsync(body, nameof(AdyenManagementReceiver.OnTerminalSettingsModifiedAsync), "terminalSettings.modified");

        var payload = delivery.Payload.ShouldBeOfType<TerminalSettingsNotificationRequest>();
        payload.Type.ShouldBe(TerminalSettingsNotificationRequestType.TerminalSettingsModified);
        payload.Data.TerminalId.ShouldBe(TerminalId);
        payload.Data.UpdateSource.ShouldBe(TerminalSettingsDataUpdateSource.CustomerArea);
        payload.Data.UpdateSource.IsDefined.ShouldBeTrue();
        payload.Data.User.ShouldBe("ws_123456@Company.YOUR_COMPANY_ID");
    }

    [Fact]
    public async Task A_type_nested_in_data_before_the_top_level_type_does_not_name_the_event()
    {
        // The payment method's data has a "type" of its own ("visa"), written here before the top-level one.
        var body = new JsonObject
        {
            ["data"] = PaymentMethodData("success"),
            ["environment"] = "live",
            ["createdAt"] = CreatedAt,
            ["type"] = "paymentMethod.created",
        };

        var delivery = await DeliverAsync(body, nameof(AdyenManagementReceiver.OnPaymentMethodCreatedAsync), "paymentMethod.created");

        var payload = delivery.Payload.ShouldBeOfType<PaymentMethodCreatedNotificationRequest>();
        payload.Data.Type.ShouldBe("visa");
        payload.Environment.ShouldBe("live");
    }

    [Fact]
    public async Task A_delivery_without_type_that_is_not_a_terminal_assignment_is_rejected_naming_the_missing_field()
    {
        // Deliveries without "type" are terminalAssignment.completed: a merchant.created body that lost its type is read as one.
        var body = MerchantCreated();
        body.Remove("type");

        await ShouldBeRejectedAsInvalidAsync(body, "assignedToAccount");
    }

    [Fact]
    public async Task A_terminal_assignment_without_a_required_member_is_rejected_naming_it()
    {
        var body = TerminalAssignment();
        body.Remove("pspReference");

        await ShouldBeRejectedAsInvalidAsync(body, "pspReference");
    }

    [Fact]
    public async Task A_merchant_created_without_a_required_nested_member_is_rejected_naming_it()
    {
        var body = MerchantCreated();
        body["data"]!.AsObject().Remove("companyId");

        await ShouldBeRejectedAsInvalidAsync(body, "data.companyId");
    }

    [Fact]
    public async Task A_created_at_that_is_not_a_date_time_is_rejected_naming_it()
    {
        var body = PaymentMethodEvent("paymentMethod.created", "success");
        body["createdAt"] = "yesterday";

        await ShouldBeRejectedAsInvalidAsync(body, "createdAt");
    }

    [Fact]
    public async Task A_wrong_type_inside_a_map_value_is_rejected_naming_the_path()
    {
        var body = MerchantCreated();
        body["data"]!["capabilities"]!["receivePayments"]!["requested"] = "yes";

        await ShouldBeRejectedAsInvalidAsync(body, "data.capabilities.receivePayments.requested");
    }

    [Fact]
    public async Task A_body_valid_for_another_event_than_its_type_names_is_rejected()
    {
        // Named merchant.created, shaped like terminalBoarding.triggered: read as merchant.created, its data lacks members.
        var body = Notification("merchant.created", new JsonObject { ["companyId"] = CompanyId, ["uniqueTerminalId"] = TerminalId });

        await ShouldBeRejectedAsInvalidAsync(body, "data.capabilities");
    }

    [Theory]
    [InlineData("type=merchant.created&environment=test")] // nothing to read a type from: the event without type, whose reader rejects it
    [InlineData("{ \"type\": \"merchant.created\", \"data\": ")] // a type before the JSON breaks off: merchant.created rejects it
    public async Task A_signed_body_that_is_not_json_is_rejected_as_invalid_not_acknowledged(string text)
    {
        await using var host = await StartAsync();

        var response = await host.PostSignedAsync(Signature, SharedRoute, System.Text.Encoding.UTF8.GetBytes(text));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("not valid JSON");
        host.Recorder.ShouldHaveNoDelivery();
        host.Logs.UnknownEventWarnings().ShouldBeEmpty();
    }

    [Fact]
    public async Task The_route_prefix_can_be_replaced()
    {
        await using var host = await StyleHosting.StartAsync(
            ReceiverName,
            services => services.AddAdyenManagementReceiver(options => options.UseSignatureVerifier(HmacSha256.CreateVerifier())),
            app => app.MapAdyenManagementReceiver("/hooks/adyen"));

        var moved = await host.PostSignedAsync(Signature, "/hooks/adyen", MerchantCreated());
        await moved.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.ShouldHaveSingleDelivery().Handler.ShouldBe(nameof(AdyenManagementReceiver.OnMerchantCreatedAsync));

        var old = await host.PostSignedAsync(Signature, "/webhooks/", MerchantCreated());
        await old.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        host.Recorder.Deliveries.Count.ShouldBe(1);
    }

    private static JsonObject Notification(string type, JsonObject data) => new()
    {
        ["data"] = data,
        ["environment"] = "test",
        ["createdAt"] = CreatedAt,
        ["type"] = type,
    };

    private static JsonObject MerchantCreated() => Notification("merchant.created", new JsonObject
    {
        ["capabilities"] = new JsonObject
        {
            ["receivePayments"] = new JsonObject
            {
                ["allowed"] = false,
                ["requested"] = true,
                ["requestedLevel"] = "notApplicable",
                ["verificationStatus"] = "pending",
                ["verificationDeadline"] = "2025-01-14T15:42:03Z",
            },
        },
        ["companyId"] = CompanyId,
        ["legalEntityId"] = LegalEntityId,
        ["merchantId"] = MerchantId,
        ["status"] = "PreActive",
    });

    private static JsonObject MerchantUpdated() => Notification("merchant.updated", new JsonObject
    {
        ["capabilities"] = new JsonObject
        {
            ["sendToTransferInstrument"] = new JsonObject
            {
                ["allowed"] = false,
                ["requested"] = true,
                ["requestedLevel"] = "notApplicable",
                ["problems"] = new JsonArray(new JsonObject
                {
                    ["entity"] = new JsonObject
                    {
                        ["id"] = LegalEntityId,
                        ["type"] = "LegalEntity",
                        ["owner"] = new JsonObject { ["id"] = "SE322KH223222F5GV2SQ924F6", ["type"] = "BankAccount" },
                    },
                    ["verificationErrors"] = new JsonArray(new JsonObject
                    {
                        ["code"] = "2_8037",
                        ["message"] = "'bankStatement' was missing.",
                        ["type"] = "dataMissing",
                        ["remediatingActions"] = new JsonArray(new JsonObject { ["code"] = "2_158", ["message"] = "Upload a bank statement" }),
                        ["subErrors"] = new JsonArray(new JsonObject { ["code"] = "2_8038", ["type"] = "invalidInput" }),
                    }),
                }),
            },
        },
        ["merchantId"] = MerchantId,
        ["status"] = "Active",
    });

    private static JsonObject PaymentMethodData(string status) => new()
    {
        ["allowed"] = true,
        ["enabled"] = true,
        ["id"] = PaymentMethodId,
        ["merchantId"] = MerchantId,
        ["reference"] = "Your reference for the payment method",
        ["status"] = status,
        ["storeId"] = StoreId,
        ["type"] = "visa",
        ["verificationStatus"] = "valid",
    };

    private static JsonObject PaymentMethodEvent(string type, string status) => Notification(type, PaymentMethodData(status));

    private static JsonObject TerminalAssignment() => new()
    {
        ["assignedToAccount"] = CompanyId,
        ["assignedToStore"] = "YOUR_STORE",
        ["assignedToStoreId"] = StoreId,
        ["eventDate"] = "2023-06-13T09:45:20.000Z",
        ["pspReference"] = "SNXW6B5HMHW7SX65",
        ["uniqueTerminalId"] = TerminalId,
    };

    private static void ShouldBeSamplePaymentMethod(MidServiceNotificationData data, MidServiceNotificationDataStatus status)
    {
        data.Id.ShouldBe(PaymentMethodId);
        data.MerchantId.ShouldBe(MerchantId);
        data.StoreId.ShouldBe(StoreId);
        data.Reference.ShouldBe("Your reference for the payment method");
        data.Type.ShouldBe("visa");
        data.Allowed.ShouldBe(true);
        data.Enabled.ShouldBe(true);
        data.Status.ShouldBe(status);
        data.Status.IsDefined.ShouldBeTrue();
        data.VerificationStatus.ShouldBe(MidServiceNotificationDataVerificationStatus.Valid);
    }
}
