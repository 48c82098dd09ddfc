using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Benchmarks.Apis;

namespace Auth0ClientGen.Benchmarks.Requests;

/// <summary>
/// The floor: the four calls written by hand with HttpClient and System.Text.Json, as a careful developer would.
/// It does what the generated client does for a successful call (an address without values made once and reused,
/// one with values built per call with every value escaped, a token from the same provider, the same headers, the same JSON contract, a status check, streamed
/// deserialization) and nothing more: no telemetry, no token destination check, no error body handling.
/// </summary>
public sealed class HandWrittenItemsClient(HttpClient httpClient, ICredentialsProvider credentials)
{
    private static readonly AccessTokenRequest TokenRequest = new(Endpoints.Audience);

    private readonly string _baseAddress = httpClient.BaseAddress!.AbsoluteUri;

    // A careful developer makes an address without values once; the generated client does too.
    private readonly Uri _currentItemAddress = new(httpClient.BaseAddress!, "items/current");
    private readonly Uri _itemsAddress = new(httpClient.BaseAddress!, "items");

    public Task<Item> GetCurrentAsync(CancellationToken cancellationToken = default)
        => SendForItemAsync(HttpMethod.Get, _currentItemAddress, null, cancellationToken);

    public Task<Item> FindAsync(
        string tenant,
        int id,
        string status,
        int limit,
        string sort,
        CancellationToken cancellationToken = default)
    {
        var address = string.Create(
            CultureInfo.InvariantCulture,
            $"{_baseAddress}tenants/{Uri.EscapeDataString(tenant)}/items/{id}"
            + $"?status={Uri.EscapeDataString(status)}&limit={limit}&sort={Uri.EscapeDataString(sort)}");
        return SendForItemAsync(HttpMethod.Get, new Uri(address, UriKind.Absolute), null, cancellationToken);
    }

    public Task<Item> CreateAsync(NewItem item, CancellationToken cancellationToken = default)
        => SendForItemAsync(
            HttpMethod.Post,
            _itemsAddress,
            JsonContent.Create(item, BenchmarkJsonContext.Default.NewItem),
            cancellationToken);

    /// <summary>Returns the response and its value instead of throwing on an error status.</summary>
    public async Task<HandWrittenResponse<Item>> GetResponseAsync(int id, CancellationToken cancellationToken = default)
    {
        var address = string.Create(CultureInfo.InvariantCulture, $"{_baseAddress}items/{id}");
        var accessToken = await credentials.GetAccessTokenAsync(TokenRequest, cancellationToken).ConfigureAwait(false);
        using var request = CreateRequest(HttpMethod.Get, new Uri(address, UriKind.Absolute), null, accessToken);
        var response = await httpClient
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        try
        {
            var item = response.IsSuccessStatusCode
                ? await ReadItemAsync(response, cancellationToken).ConfigureAwait(false)
                : null;
            return new HandWrittenResponse<Item>(response, item);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<Item> SendForItemAsync(
        HttpMethod method,
        Uri address,
        HttpContent? content,
        CancellationToken cancellationToken)
    {
        var accessToken = await credentials.GetAccessTokenAsync(TokenRequest, cancellationToken).ConfigureAwait(false);
        using var request = CreateRequest(method, address, content, accessToken);
        using var response = await httpClient
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"{method} {address} answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        return await ReadItemAsync(response, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{method} {address} answered JSON null.");
    }

    private static HttpRequestMessage CreateRequest(
        HttpMethod method,
        Uri address,
        HttpContent? content,
        string accessToken)
    {
        var request = new HttpRequestMessage(method, address) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        return request;
    }

    private static async Task<Item?> ReadItemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer
                .DeserializeAsync(stream, BenchmarkJsonContext.Default.Item, cancellationToken)
                .ConfigureAwait(false);
        }
    }
}

/// <summary>The hand-written counterpart of ApiResponse: the response, which it owns, and the value read.</summary>
public sealed class HandWrittenResponse<T>(HttpResponseMessage response, T? content) : IDisposable
{
    public HttpResponseMessage Response => response;

    public T? Content => content;

    public void Dispose() => response.Dispose();
}
