using GitHub.Receiver;

var builder = WebApplication.CreateBuilder(args);

// Options come from the section Webhooks:GitHubEventsReceiver; without a secret the app refuses to start.
builder.Services.AddGitHubEventsReceiver();

var app = builder.Build();

// GitHub sends every event to the one URL of the webhook: POST /webhooks/, the event named by X-GitHub-Event and the
// body's action. app.MapGitHubEventsReceiver("/hooks/github") would serve it there instead.
app.MapGitHubEventsReceiver();

app.Run();
