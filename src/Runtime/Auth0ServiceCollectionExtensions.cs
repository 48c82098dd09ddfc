using System;
using Auth0ClientGen;
using Auth0ClientGen.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers generated Auth0 API clients with an <see cref="IServiceCollection"/>.</summary>
/// <remarks>
/// <para>
/// Each registration is a typed client of <c>IHttpClientFactory</c>, named after the interface's full name
/// (<see cref="IHttpClientBuilder.Name"/>); its <see cref="Auth0ClientOptions"/> are the named options of the
/// same name. They are bound from the <c>Auth0</c> configuration section when an <see cref="IConfiguration"/>
/// is registered, then the registration's <c>configure</c> delegate runs, so code overrides configuration.
/// </para>
/// <para>
/// Precedence: the audience declared with <see cref="Auth0ApiAttribute.Audience"/> wins for its interface, and
/// <see cref="Auth0CredentialSettings.Audience"/> is the default for interfaces that declare none.
/// <see cref="Auth0ClientOptions.BaseUrl"/>, when set, becomes the client's base address, overriding
/// <see cref="Auth0ApiAttribute.BaseUrl"/> and any base address set with <c>ConfigureHttpClient</c>.
/// </para>
/// <para>
/// Settings are checked when the client is first resolved, not at registration; a missing one fails with an
/// <see cref="OptionsValidationException"/> naming its key, such as <c>Auth0:ClientSecret</c>. A client with no
/// base address at all (none configured, none set with <c>ConfigureHttpClient</c> and none declared) fails at
/// resolution too, with an <see cref="InvalidOperationException"/> naming <c>Auth0:BaseUrl</c>.
/// </para>
/// </remarks>
public static class Auth0ServiceCollectionExtensions
{
    /// <summary>
    /// The name of the <c>IHttpClientFactory</c> client used for Auth0's token endpoint. Configure it with
    /// <c>services.AddHttpClient(TokenEndpointHttpClientName)</c>, for example to add a proxy or resilience.
    /// </summary>
    /// <remarks>
    /// Its primary handler does not follow redirects, since a followed redirect would re-send the client secret
    /// to another address. A primary handler you configure replaces the default one, but redirects are still
    /// turned off on it when it is a <see cref="System.Net.Http.SocketsHttpHandler"/> or an
    /// <see cref="System.Net.Http.HttpClientHandler"/>; any other handler must not follow redirects itself.
    /// </remarks>
    public const string TokenEndpointHttpClientName = "Auth0ClientGen.TokenEndpoint";

    /// <summary>
    /// Registers the generated client for <typeparamref name="TApi"/>, authorized with access tokens obtained
    /// from Auth0 with the client credentials grant.
    /// </summary>
    /// <remarks>
    /// Clients whose options name the same domain, client ID and secret share one
    /// <see cref="Auth0ClientCredentialsProvider"/>, and so one token cache. It uses the container's
    /// <see cref="TimeProvider"/> and logger factory when they are registered.
    /// </remarks>
    /// <typeparam name="TApi">An interface marked with <see cref="Auth0ApiAttribute"/>.</typeparam>
    /// <param name="services">The services to add to.</param>
    /// <param name="configure">Adjusts this API's options after they are bound from configuration.</param>
    /// <returns>The builder of the typed client, to configure its HTTP pipeline further.</returns>
    public static IHttpClientBuilder AddAuth0ApiClient<TApi>(
        this IServiceCollection services,
        Action<Auth0ClientOptions>? configure = null)
        where TApi : class
    {
        ArgumentNullException.ThrowIfNull(services);
        var name = AddApiOptions<TApi>(services, configure, requireCredentials: true);
        services.AddHttpClient(TokenEndpointHttpClientName);
        services.TryAddEnumerable(ServiceDescriptor
            .Singleton<IPostConfigureOptions<HttpClientFactoryOptions>, TokenEndpointHttpClientSetup>());
        services.TryAddSingleton<CredentialsProviderPool>();
        return services.AddHttpClient(name).AddTypedClient<TApi>((httpClient, serviceProvider) =>
        {
            var options = serviceProvider.GetRequiredService<IOptionsMonitor<Auth0ClientOptions>>().Get(name);
            if (string.IsNullOrWhiteSpace(Auth0ApiClient.GetMetadata<TApi>().Audience)
                && string.IsNullOrWhiteSpace(options.Audience))
            {
                throw new InvalidOperationException(
                    $"Auth0 settings for {name}: {Auth0Settings.AudienceKey} is missing and the interface declares"
                    + " no audience. Set it to the API identifier, or declare [Auth0Api(Audience = \"...\")].");
            }

            EnsureBaseAddress<TApi>(name, httpClient, options, serviceProvider);
            var credentials = serviceProvider.GetRequiredService<CredentialsProviderPool>().GetOrCreate(options);
            return CreateClient<TApi>(httpClient, credentials, options);
        });
    }

    /// <summary>
    /// Registers the generated client for <typeparamref name="TApi"/>, authorized with access tokens from a
    /// credentials provider of your choosing, such as <see cref="StaticCredentialsProvider"/>.
    /// </summary>
    /// <remarks>
    /// Only <see cref="Auth0ClientOptions.BaseUrl"/> and <see cref="Auth0CredentialSettings.Audience"/> are used; the
    /// credential settings need not be present. <paramref name="credentialsProvider"/> runs each time the client
    /// is resolved, so return a shared instance (for example a registered singleton) to keep its cache.
    /// </remarks>
    /// <typeparam name="TApi">An interface marked with <see cref="Auth0ApiAttribute"/>.</typeparam>
    /// <param name="services">The services to add to.</param>
    /// <param name="credentialsProvider">Returns the provider that supplies the client's access tokens.</param>
    /// <param name="configure">Adjusts this API's options after they are bound from configuration.</param>
    /// <returns>The builder of the typed client, to configure its HTTP pipeline further.</returns>
    public static IHttpClientBuilder AddAuth0ApiClient<TApi>(
        this IServiceCollection services,
        Func<IServiceProvider, ICredentialsProvider> credentialsProvider,
        Action<Auth0ClientOptions>? configure = null)
        where TApi : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(credentialsProvider);
        var name = AddApiOptions<TApi>(services, configure, requireCredentials: false);
        return services.AddHttpClient(name).AddTypedClient<TApi>((httpClient, serviceProvider) =>
        {
            var options = serviceProvider.GetRequiredService<IOptionsMonitor<Auth0ClientOptions>>().Get(name);
            EnsureBaseAddress<TApi>(name, httpClient, options, serviceProvider);
            var credentials = credentialsProvider(serviceProvider) ?? throw new InvalidOperationException(
                $"The credentials provider factory registered for {name} returned null.");
            return CreateClient<TApi>(httpClient, credentials, options);
        });
    }

    private static string AddApiOptions<TApi>(
        IServiceCollection services,
        Action<Auth0ClientOptions>? configure,
        bool requireCredentials)
    {
        // The full name keeps two interfaces with the same simple name in different namespaces apart.
        var name = typeof(TApi).FullName ?? typeof(TApi).Name;

        // Configuration is optional: an application may set everything in code, and then has no IConfiguration.
        var builder = services.AddOptions<Auth0ClientOptions>(name).Configure<IServiceProvider>(
            static (options, serviceProvider) =>
                serviceProvider.GetService<IConfiguration>()?.GetSection(Auth0ClientOptions.SectionName).Bind(options));
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.AddSingleton<IValidateOptions<Auth0ClientOptions>>(serviceProvider =>
            new Auth0ClientOptionsValidator(
                name,
                requireCredentials,
                hasConfiguration: serviceProvider.GetService<IConfiguration>() is not null));
        return name;
    }

    /// <summary>
    /// Fails at resolution, rather than at the first call, when the client would have no base address.
    /// </summary>
    private static void EnsureBaseAddress<TApi>(
        string name,
        System.Net.Http.HttpClient httpClient,
        Auth0ClientOptions options,
        IServiceProvider serviceProvider)
        where TApi : class
    {
        if (httpClient.BaseAddress is not null
            || !string.IsNullOrWhiteSpace(options.BaseUrl)
            || !string.IsNullOrWhiteSpace(Auth0ApiClient.GetMetadata<TApi>().BaseUrl))
        {
            return;
        }

        var configurationNote = serviceProvider.GetService<IConfiguration>() is null
            ? " " + Auth0Settings.NoConfigurationNote
            : string.Empty;
        throw new InvalidOperationException(
            $"Auth0 settings for {name}: {Auth0Settings.BaseUrlKey} is missing and the client has no other base"
            + $" address. Set {Auth0Settings.BaseUrlKey} to the API's base address, such as https://api.example.com/,"
            + " set HttpClient.BaseAddress with ConfigureHttpClient, or declare [Auth0Api(BaseUrl = \"...\")] on the"
            + $" interface.{configurationNote}");
    }

    private static TApi CreateClient<TApi>(
        System.Net.Http.HttpClient httpClient,
        ICredentialsProvider credentials,
        Auth0ClientOptions options)
        where TApi : class
    {
        if (!string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            httpClient.BaseAddress = new Uri(options.BaseUrl, UriKind.Absolute);
        }

        return Auth0ApiClient.Create<TApi>(httpClient, ApiDefaultsCredentialsProvider.Wrap(credentials, options));
    }
}
