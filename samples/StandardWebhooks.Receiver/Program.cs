using StandardWebhooks.Receiver;

var builder = WebApplication.CreateBuilder(args);

// Options come from the section Webhooks:TallybookReceiver; without a whsec_ secret the app refuses to start.
builder.Services.AddTallybookReceiver();

var app = builder.Build();

// The spec's webhooks leave the URL to the subscriber: the three events share POST /webhooks/ and are told apart by
// the body's "type". app.MapTallybookReceiver("/hooks/tallybook") would serve them there instead.
app.MapTallybookReceiver();

app.Run();
