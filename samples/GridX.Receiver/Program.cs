using GridX.Receiver;

var builder = WebApplication.CreateBuilder(args);

// Options come from the section Webhooks:GridXReceiver; without a secret the app refuses to start.
builder.Services.AddGridXReceiver();

var app = builder.Build();

// One endpoint per event of the spec, under the path of its server URL: POST /gridx/events/appliance/create, ...
app.MapGridXReceiver();

app.Run();
