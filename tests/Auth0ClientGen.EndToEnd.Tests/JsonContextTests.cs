using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;

namespace Auth0ClientGen.EndToEnd.Tests;

[JsonSerializable(typeof(TenantUser))]
[JsonSerializable(typeof(List<TenantUser>))]
[JsonSerializable(typeof(NewTenantUser))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
internal sealed partial class TenantJsonContext : JsonSerializerContext
{
}

[Auth0Api(JsonContext = typeof(TenantJsonContext))]
internal interface IContextUsersApi
{
    [Get("/api/v2/users")]
    Task<List<TenantUser>> ListAsync([AliasAs("per_page")] int perPage);

    [Post("/api/v2/users")]
    Task<TenantUser> CreateAsync([Body] NewTenantUser user);

    [Get("/api/v2/users/{id}")]
    Task<TenantUser> GetAsync(string id);
}

/// <summary>
/// A client declared with a source-generated JsonSerializerContext reads and writes through it, against the
/// local tenant.
/// </summary>
public class JsonContextTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    [Fact]
    public async Task BodiesAndResponsesGoThroughTheDeclaredContext()
    {
        IContextUsersApi users = new ContextUsersApiClient(fixture.CreateApiHttpClient(), fixture.CreateProvider());
        var email = $"{Guid.NewGuid():N}@example.com";

        var created = await users.CreateAsync(new NewTenantUser { Email = email, Name = "Context" });
        var fetched = await users.GetAsync(created.UserId);
        var listed = await users.ListAsync(perPage: 100);

        Assert.Equal(email, fetched.Email);
        Assert.Equal("Context", fetched.Name);
        Assert.Contains(listed, user => user.UserId == created.UserId);
    }
}
