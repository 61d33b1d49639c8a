using GitHub.Receiver;
using WebhookGen.OpenApi;

var builder = WebApplication.CreateBuilder(args);

// Options come from the section Webhooks:GitHubEventsReceiver; without a secret the app refuses to start.
builder.Services.AddGitHubEventsReceiver();

// The receiver's route, with the schemas of the events' payloads and its answers, in the app's OpenAPI document.
builder.Services.AddOpenApi(options => options.AddWebhookReceivers());

var app = builder.Build();

// GitHub sends every event to the one URL of the webhook: POST /webhooks/, the event named by X-GitHub-Event and the
// body's action. app.MapGitHubEventsReceiver("/hooks/github") would serve it there instead.
app.MapGitHubEventsReceiver();

if (app.Environment.IsDevelopment())
{
    // GET /openapi/v1.json
    app.MapOpenApi();
}

app.Run();
