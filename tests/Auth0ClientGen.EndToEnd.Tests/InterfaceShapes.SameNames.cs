using System.Threading.Tasks;
using Auth0ClientGen;

// Three interfaces named IAccountsApi: two in namespaces of their own and one in the global namespace. Each
// generated client must land beside its interface and name only its own types.

namespace Auth0ClientGen.EndToEnd.Tests.Billing
{
    [Auth0Api(Audience = "https://billing.example", BaseUrl = "https://billing.example")]
    public interface IAccountsApi
    {
        [Get("/accounts/{id}")]
        Task<string> GetAsync(string id);
    }
}

namespace Auth0ClientGen.EndToEnd.Tests.Identity.Admin
{
    [Auth0Api(Audience = "https://identity.example", BaseUrl = "https://identity.example")]
    public interface IAccountsApi
    {
        [Delete("/admin/accounts/{id}")]
        Task DeleteAsync(string id);
    }
}

[Auth0Api(BaseUrl = "https://accounts.example")]
internal interface IAccountsApi
{
    [Get("/accounts")]
    Task<string> ListAsync();
}
