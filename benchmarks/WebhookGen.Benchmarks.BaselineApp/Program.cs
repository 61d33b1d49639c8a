using WebhookGen.Benchmarks.Baseline;
using WebhookGen.Benchmarks.BaselineApp;

// The hand-written counterpart of samples/GridX.Receiver: same builder, route, secret key and status codes.
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddScoped<IApplianceCreateHandler, LoggingApplianceCreateHandler>();

var app = builder.Build();

// POST /gridx/events/appliance/create; without Webhooks:GridXReceiver:Secret the app refuses to start.
app.MapHandWrittenGridX();

app.Run();
