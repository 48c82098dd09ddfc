using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Auth0ClientGen.Testing;
using ConsoleSample;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// With AUTH0_DOMAIN, AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET set, the sample talks to that tenant's
// Management API. Otherwise it starts a local Auth0-compatible tenant on 127.0.0.1 and needs no setup.
var domain = Environment.GetEnvironmentVariable("AUTH0_DOMAIN");
await using var localTenant = string.IsNullOrWhiteSpace(domain) ? await LocalAuth0Tenant.StartAsync() : null;

Dictionary<string, string?> settings;
if (localTenant is not null)
{
    Console.WriteLine($"Started a local Auth0-compatible tenant at {localTenant.BaseAddress}");
    settings = new()
    {
        ["Auth0:Domain"] = localTenant.Domain,
        ["Auth0:ClientId"] = LocalAuth0Tenant.DefaultClientId,
        ["Auth0:ClientSecret"] = LocalAuth0Tenant.DefaultClientSecret,
        ["Auth0:Audience"] = localTenant.ManagementApiAudience,
        ["Auth0:BaseUrl"] = localTenant.BaseAddress.ToString(),
    };
}
else
{
    var origin = domain!.Contains("://", StringComparison.Ordinal) ? domain.TrimEnd('/') : "https://" + domain.TrimEnd('/');
    Console.WriteLine($"Using the Auth0 tenant at {origin}");
    settings = new()
    {
        ["Auth0:Domain"] = domain,
        ["Auth0:ClientId"] = Environment.GetEnvironmentVariable("AUTH0_CLIENT_ID"),
        ["Auth0:ClientSecret"] = Environment.GetEnvironmentVariable("AUTH0_CLIENT_SECRET"),
        ["Auth0:Audience"] = Environment.GetEnvironmentVariable("AUTH0_AUDIENCE") is { Length: > 0 } audience
            ? audience
            : origin + "/api/v2/",
        ["Auth0:BaseUrl"] = origin,
    };
}

var services = new ServiceCollection();
services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
services.ConfigureHttpClientDefaults(builder => builder.AddHttpMessageHandler(() => new ConsoleRequestLogger()));
services.AddAuth0ApiClient<IManagementApi>();
services.AddAuth0ApiClient<IMessagesApi>();
await using var provider = services.BuildServiceProvider();

var management = provider.GetRequiredService<IManagementApi>();
var messages = provider.GetRequiredService<IMessagesApi>();
var scenario = new Scenario();

if (localTenant is not null)
{
    // The quickstart API exists only on the local tenant.
    await scenario.Step("Public endpoint, no token", async () => (await messages.GetPublicAsync()).Text);
    await scenario.Step("Private endpoint", async () => (await messages.GetPrivateAsync()).Text);
    await scenario.Step("Scoped endpoint (read:messages)", async () => (await messages.GetPrivateScopedAsync()).Text);
}

var email = $"sample-{Guid.NewGuid():N}@example.com";
User? created = null;
await scenario.Step("List users", async () => $"{(await management.ListUsersAsync(perPage: 10)).Count} user(s) on the first page");
await scenario.Step("Create a user", async () =>
{
    created = await management.CreateUserAsync(new CreateUser
    {
        Connection = "Username-Password-Authentication",
        Email = email,
        Password = "Sample-" + Guid.NewGuid().ToString("N") + "!",
        Name = "Sample User",
    });
    return $"created {created.UserId} <{created.Email}>";
});
if (created is not null)
{
    var id = created.UserId;
    await scenario.Step("Get the user", async () => $"found {(await management.GetUserAsync(id)).Email}");
    await scenario.Step("Update the user", async () =>
        $"name is now '{(await management.UpdateUserAsync(id, new UpdateUser { Name = "Renamed Sample User" })).Name}'");
    await scenario.Step("Delete the user", async () =>
    {
        await management.DeleteUserAsync(id);
        return "deleted";
    });
}

if (localTenant is not null)
{
    Console.WriteLine($"The tenant issued {localTenant.IssuedTokenCount} access token(s): one per audience, reused across calls.");
}

Console.WriteLine(scenario.Failures == 0 ? "All steps succeeded." : $"{scenario.Failures} step(s) failed.");
return scenario.Failures == 0 ? 0 : 1;
