namespace Auth0ClientGen.Generator.Helpers;

/// <summary>Metadata names used to recognise types, and the fully qualified names written into generated code.</summary>
internal static class KnownTypeNames
{
    public const string Auth0ApiAttribute = "Auth0ClientGen.Auth0ApiAttribute";
    public const string BodyAttribute = "Auth0ClientGen.BodyAttribute";
    public const string QueryAttribute = "Auth0ClientGen.QueryAttribute";
    public const string HeaderAttribute = "Auth0ClientGen.HeaderAttribute";
    public const string HeadersAttribute = "Auth0ClientGen.HeadersAttribute";
    public const string HeaderCollectionAttribute = "Auth0ClientGen.HeaderCollectionAttribute";
    public const string AllowAnonymousAttribute = "Auth0ClientGen.AllowAnonymousAttribute";
    public const string ScopesAttribute = "Auth0ClientGen.ScopesAttribute";
    public const string MultipartAttribute = "Auth0ClientGen.MultipartAttribute";
    public const string AliasAsAttribute = "Auth0ClientGen.AliasAsAttribute";
    public const string CancellationToken = "System.Threading.CancellationToken";
    public const string Task = "System.Threading.Tasks.Task";
    public const string TaskOfT = "System.Threading.Tasks.Task<TResult>";
    public const string ValueTask = "System.Threading.Tasks.ValueTask";
    public const string ValueTaskOfT = "System.Threading.Tasks.ValueTask<TResult>";
    public const string Stream = "System.IO.Stream";
    public const string HttpContent = "System.Net.Http.HttpContent";
    public const string HttpResponseMessage = "System.Net.Http.HttpResponseMessage";

    public const string GlobalHttpClient = "global::System.Net.Http.HttpClient";
    public const string GlobalHttpMethod = "global::System.Net.Http.HttpMethod";
    public const string GlobalHttpRequestMessage = "global::System.Net.Http.HttpRequestMessage";
    public const string GlobalHttpResponseMessage = "global::System.Net.Http.HttpResponseMessage";
    public const string GlobalValueTask = "global::System.Threading.Tasks.ValueTask";
    public const string GlobalUri = "global::System.Uri";
    public const string GlobalInvariantCulture = "global::System.Globalization.CultureInfo.InvariantCulture";
    public const string GlobalCredentialsProvider = "global::Auth0ClientGen.ICredentialsProvider";
    public const string GlobalAccessTokenRequest = "global::Auth0ClientGen.AccessTokenRequest";
    public const string GlobalAuth0ApiClient = "global::Auth0ClientGen.Auth0ApiClient";
    public const string GlobalAuth0ApiMetadata = "global::Auth0ClientGen.Auth0ApiMetadata";
    public const string GlobalRequestUriBuilder = "global::Auth0ClientGen.Infrastructure.RequestUriBuilder";
    public const string GlobalConstantRequestUri = "global::Auth0ClientGen.Infrastructure.ConstantRequestUri";
    public const string GlobalHelpers = "global::Auth0ClientGen.Infrastructure.GeneratedClientHelpers";
    public const string ApiResponseOfT = "Auth0ClientGen.ApiResponse<T>";
    public const string AsyncEnumerableOfT = "System.Collections.Generic.IAsyncEnumerable<T>";
    public const string GlobalCancellationToken = "global::System.Threading.CancellationToken";
    public const string GlobalEnumeratorCancellationAttribute = "global::System.Runtime.CompilerServices.EnumeratorCancellation";
}
