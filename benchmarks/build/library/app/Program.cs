using LibraryApp;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGitHubReceiver<GitHubHandlers>();

var app = builder.Build();

app.MapGet("/", () => "Hello World!");
app.MapGitHubReceiver();

app.Run();
