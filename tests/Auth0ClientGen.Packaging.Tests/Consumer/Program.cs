using Consumer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Settings come from environment variables in .NET's form: Auth0__Domain is Auth0:Domain.
var services = new ServiceCollection();
services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddEnvironmentVariables().Build());
services.AddAuth0ApiClient<IMessagesApi>();
services.AddAuth0ApiClient<IUsersApi>();
await using var provider = services.BuildServiceProvider();

var messages = provider.GetRequiredService<IMessagesApi>();
Console.WriteLine("public: " + (await messages.GetPublicAsync()).Text);
Console.WriteLine("scoped: " + (await messages.GetPrivateScopedAsync()).Text);

var users = provider.GetRequiredService<IUsersApi>();
var created = await users.CreateUserAsync(
    new NewUser("Username-Password-Authentication", "consumer@example.com", "Consumer-" + Guid.NewGuid().ToString("N")));
var found = await users.GetUserAsync(created.UserId);
Console.WriteLine($"user: {found.UserId} <{found.Email}>");
Console.WriteLine("consumer finished");
