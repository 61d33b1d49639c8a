using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Shouldly;
using WebhookGen.IntegrationTests.Receivers;

namespace WebhookGen.IntegrationTests.Infrastructure;

public static class ResponseAssertions
{
    /// <summary>Asserts the status and returns the body as text, for the message of a failure.</summary>
    public static async Task<string> ShouldHaveStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"response body: {body}");
        return body;
    }

    /// <summary>Asserts a problem+json answer of <paramref name="expected"/> and returns its JSON.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.ShouldHaveStatusAsync(expected);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"response body: {body}");
        using var document = JsonDocument.Parse(body);
        var problem = document.RootElement.Clone();
        problem.GetProperty("status").GetInt32().ShouldBe((int)expected);
        return problem;
    }

    public static Delivery ShouldHaveSingleDelivery(this DeliveryRecorder recorder)
    {
        var deliveries = recorder.Deliveries;
        deliveries.Count.ShouldBe(1, "the handler should have been called exactly once");
        return deliveries.Single();
    }

    public static void ShouldHaveNoDelivery(this DeliveryRecorder recorder) =>
        recorder.Deliveries.ShouldBeEmpty("no handler should have been called");
}
