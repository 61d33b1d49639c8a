using ReceiverApp;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGitHubReceiver();

var app = builder.Build();

app.MapGet("/", () => "Hello World!");
app.MapGitHubReceiver();

app.Run();
