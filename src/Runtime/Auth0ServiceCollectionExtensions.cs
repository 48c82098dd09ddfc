using System;
using System.Collections.Generic;
using System.Linq;
using Auth0ClientGen;
using Auth0ClientGen.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
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
/// Settings are checked when the host starts (<c>ValidateOnStart</c>), or, without a host, when the client is
/// first resolved; a missing one fails with an <see cref="OptionsValidationException"/> naming its key, such as
/// <c>Auth0:ClientSecret</c>. A client with no
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

    // The category of the API clients' log messages: refused destinations, retries and redirects.
    private const string ApiLoggerCategory = "Auth0ClientGen.ApiClient";

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
        var name = AddApiOptions<TApi>(
            services,
            configure,
            requireCredentials: true,
            static (options, _) => (options.Audience, Auth0Settings.AudienceKey));
        AddTokenEndpoint(services);
        var authorization = new BearerAuthorization();
        return AddApiHttpClient(services, name).AddTypedClient<TApi>((httpClient, serviceProvider) =>
        {
            var options = serviceProvider.GetRequiredService<IOptionsMonitor<Auth0ClientOptions>>().Get(name);
            EnsureAudience<TApi>(name, options.Audience, Auth0Settings.AudienceKey);
            EnsureBaseAddress<TApi>(name, httpClient.BaseAddress, options, serviceProvider);
            var credentials = serviceProvider.GetRequiredService<CredentialsProviderPool>().GetOrCreate(options);
            return CreateClient<TApi>(
                name, httpClient, credentials, options, options.Audience, options.Organization, serviceProvider, authorization);
        });
    }

    /// <summary>
    /// Registers the generated client for <typeparamref name="TApi"/>, authorized with access tokens obtained
    /// with the named credentials <paramref name="credentialsName"/> (see <see cref="AddAuth0Credentials"/>), so
    /// that different APIs can use different Auth0 applications.
    /// </summary>
    /// <remarks>
    /// The API's own options still come from the <c>Auth0</c> section (base address, allowed hosts), but its
    /// domain, client ID and secret are ignored. The audience is the one the interface declares, else
    /// <see cref="Auth0CredentialSettings.Audience"/>, else the named credentials' audience. Registrations that resolve
    /// to the same domain, client ID and secret share one token cache, named or not. The named credentials are
    /// bound from <c>Auth0:Credentials:{credentialsName}</c> even when <see cref="AddAuth0Credentials"/> is not
    /// called.
    /// </remarks>
    /// <typeparam name="TApi">An interface marked with <see cref="Auth0ApiAttribute"/>.</typeparam>
    /// <param name="services">The services to add to.</param>
    /// <param name="credentialsName">The name of the credentials, such as <c>billing</c>.</param>
    /// <param name="configure">Adjusts this API's options after they are bound from configuration.</param>
    /// <returns>The builder of the typed client, to configure its HTTP pipeline further.</returns>
    /// <exception cref="ArgumentException"><paramref name="credentialsName"/> is empty or white space.</exception>
    public static IHttpClientBuilder AddAuth0ApiClient<TApi>(
        this IServiceCollection services,
        string credentialsName,
        Action<Auth0ClientOptions>? configure = null)
        where TApi : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(credentialsName);
        services.AddAuth0Credentials(credentialsName);
        var audienceKey = $"{Auth0Settings.NamedCredentialsSection}:{credentialsName}:Audience";
        var name = AddApiOptions<TApi>(
            services,
            configure,
            requireCredentials: false,
            (options, serviceProvider) => (NamedAudience(options, serviceProvider, credentialsName), audienceKey));
        var authorization = new BearerAuthorization();
        return AddApiHttpClient(services, name).AddTypedClient<TApi>((httpClient, serviceProvider) =>
        {
            var options = serviceProvider.GetRequiredService<IOptionsMonitor<Auth0ClientOptions>>().Get(name);
            var credentialsOptions = serviceProvider
                .GetRequiredService<IOptionsMonitor<Auth0ClientCredentialsOptions>>()
                .Get(credentialsName);
            var audience = NamedAudience(options, serviceProvider, credentialsName);
            EnsureAudience<TApi>(name, audience, audienceKey);
            EnsureBaseAddress<TApi>(name, httpClient.BaseAddress, options, serviceProvider);
            var organization = string.IsNullOrWhiteSpace(options.Organization)
                ? credentialsOptions.Organization
                : options.Organization;
            var credentials = serviceProvider.GetRequiredService<CredentialsProviderPool>().GetOrCreate(credentialsOptions);
            return CreateClient<TApi>(
                name, httpClient, credentials, options, audience, organization, serviceProvider, authorization);
        });
    }

    /// <summary>
    /// Registers named Auth0 credentials: one Machine to Machine application that API clients registered with
    /// <c>AddAuth0ApiClient&lt;TApi&gt;(credentialsName)</c> obtain their tokens with.
    /// </summary>
    /// <remarks>
    /// They are the named <see cref="Auth0ClientCredentialsOptions"/> of that name, bound from
    /// <c>Auth0:Credentials:{name}</c> (<c>Domain</c>, <c>ClientId</c>, <c>ClientSecret</c>, <c>Audience</c>) when an
    /// <see cref="IConfiguration"/> is registered, then adjusted by <paramref name="configure"/>. They are checked
    /// when the host starts, failing with an <see cref="OptionsValidationException"/> that names the missing key,
    /// such as <c>Auth0:Credentials:billing:ClientSecret</c>. Calling this again for the same name only adds
    /// <paramref name="configure"/>.
    /// </remarks>
    /// <param name="services">The services to add to.</param>
    /// <param name="name">The name of the credentials, such as <c>billing</c>.</param>
    /// <param name="configure">Adjusts the credentials after they are bound from configuration.</param>
    /// <returns>The same services, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static IServiceCollection AddAuth0Credentials(
        this IServiceCollection services,
        string name,
        Action<Auth0ClientCredentialsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var section = $"{Auth0Settings.NamedCredentialsSection}:{name}";
        if (!IsRegistered(services, name))
        {
            services.AddSingleton(new NamedCredentialsRegistration(name));
            services.AddOptions<Auth0ClientCredentialsOptions>(name)
                .Configure<IServiceProvider>((options, serviceProvider) =>
                    serviceProvider.GetService<IConfiguration>()?.GetSection(section).Bind(options))
                .ValidateOnStart();
            services.AddSingleton<IValidateOptions<Auth0ClientCredentialsOptions>>(serviceProvider =>
                new NamedCredentialsValidator(
                    name,
                    section,
                    hasConfiguration: serviceProvider.GetService<IConfiguration>() is not null));
            AddTokenEndpoint(services);
        }

        if (configure is not null)
        {
            services.Configure(name, configure);
        }

        return services;
    }

    /// <summary>
    /// Registers the generated client for <typeparamref name="TApi"/>, authorized with access tokens from a
    /// credentials provider of your choosing, such as <see cref="StaticCredentialsProvider"/> or
    /// <see cref="DelegateCredentialsProvider"/>.
    /// </summary>
    /// <remarks>
    /// Only <see cref="Auth0ClientOptions.BaseUrl"/>, <see cref="Auth0CredentialSettings.Audience"/> and
    /// <see cref="Auth0ClientOptions.AllowedHosts"/> are used; the credential settings need not be present.
    /// <paramref name="credentialsProvider"/> runs each time the client is resolved, so return a shared instance
    /// (for example a registered singleton) to keep its cache.
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
        var name = AddApiOptions<TApi>(services, configure, requireCredentials: false, findAudience: null);
        var authorization = new BearerAuthorization();
        return AddApiHttpClient(services, name).AddTypedClient<TApi>((httpClient, serviceProvider) =>
        {
            var options = serviceProvider.GetRequiredService<IOptionsMonitor<Auth0ClientOptions>>().Get(name);
            EnsureBaseAddress<TApi>(name, httpClient.BaseAddress, options, serviceProvider);
            var credentials = credentialsProvider(serviceProvider) ?? throw new InvalidOperationException(
                $"The credentials provider factory registered for {name} returned null.");
            return CreateClient<TApi>(
                name, httpClient, credentials, options, options.Audience, options.Organization, serviceProvider, authorization);
        });
    }

    private static void AddTokenEndpoint(IServiceCollection services)
    {
        LogWithoutHeaders(services.AddHttpClient(TokenEndpointHttpClientName));
        services.TryAddEnumerable(ServiceDescriptor
            .Singleton<IPostConfigureOptions<HttpClientFactoryOptions>, TokenEndpointHttpClientSetup>());
        services.TryAddSingleton<CredentialsProviderPool>();
    }

    /// <summary>The API's named HttpClient, with redirects followed by <see cref="AuthorizationRedirectHandler"/>.</summary>
    private static IHttpClientBuilder AddApiHttpClient(IServiceCollection services, string name)
    {
        var alreadySetUp = services.Any(descriptor =>
            descriptor.ImplementationInstance is ApiHttpClientSetup setup && setup.ClientName == name);
        if (!alreadySetUp)
        {
            services.AddSingleton<IPostConfigureOptions<HttpClientFactoryOptions>>(new ApiHttpClientSetup(name));
        }

        return LogWithoutHeaders(services.AddHttpClient(name));
    }

    /// <summary>
    /// Swaps IHttpClientFactory's request logging, which passes raw header values to structured logging, for one
    /// that logs no header at all. Repeating it for the same client leaves one logger.
    /// </summary>
    private static IHttpClientBuilder LogWithoutHeaders(IHttpClientBuilder builder)
        => builder.RemoveAllLoggers().AddLogger(static serviceProvider => new HeaderFreeHttpClientLogger(
            (serviceProvider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance)
                .CreateLogger(HeaderFreeHttpClientLogger.Category)));

    private static bool IsRegistered(IServiceCollection services, string credentialsName)
        => services.Any(descriptor =>
            descriptor.ImplementationInstance is NamedCredentialsRegistration registration
            && registration.Name == credentialsName);

    /// <summary>The audience of an API on named credentials: its own setting, else the credentials' one.</summary>
    private static string? NamedAudience(
        Auth0ClientOptions options,
        IServiceProvider serviceProvider,
        string credentialsName)
        => string.IsNullOrWhiteSpace(options.Audience)
            ? serviceProvider.GetRequiredService<IOptionsMonitor<Auth0ClientCredentialsOptions>>()
                .Get(credentialsName).Audience
            : options.Audience;

    private static void EnsureAudience<TApi>(string name, string? audience, string audienceKey)
        where TApi : class
    {
        if (FindAudienceProblem<TApi>(audience, audienceKey) is { } problem)
        {
            throw new InvalidOperationException($"Auth0 settings for {name}: {problem}");
        }
    }

    private static string? FindAudienceProblem<TApi>(string? audience, string audienceKey)
        where TApi : class
        => string.IsNullOrWhiteSpace(Auth0ApiClient.GetMetadata<TApi>().Audience) && string.IsNullOrWhiteSpace(audience)
            ? $"{audienceKey} is missing and the interface declares no audience. Set it to the API identifier, or"
                + " declare [Auth0Api(Audience = \"...\")]."
            : null;

    /// <param name="services">The services to add to.</param>
    /// <param name="configure">The registration's own adjustments.</param>
    /// <param name="requireCredentials">False when the API brings its own credentials provider.</param>
    /// <param name="findAudience">
    /// Where the API's default audience comes from, and the key to name when it is missing; null when the API
    /// needs none (its own credentials provider decides).
    /// </param>
    private static string AddApiOptions<TApi>(
        IServiceCollection services,
        Action<Auth0ClientOptions>? configure,
        bool requireCredentials,
        Func<Auth0ClientOptions, IServiceProvider, (string? Audience, string Key)>? findAudience)
        where TApi : class
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

        // A missing or wrong setting fails the host's start, not the first call hours later: the settings
        // themselves, and what the registration needs of them (an audience, a base address).
        builder.ValidateOnStart();
        services.AddSingleton<IValidateOptions<Auth0ClientOptions>>(serviceProvider =>
            new Auth0ClientOptionsValidator(
                name,
                requireCredentials,
                hasConfiguration: serviceProvider.GetService<IConfiguration>() is not null,
                options => FindRegistrationProblems<TApi>(name, options, serviceProvider, findAudience)));
        return name;
    }

    /// <summary>What the registration of <typeparamref name="TApi"/> lacks: an audience, or any base address.</summary>
    private static IEnumerable<string> FindRegistrationProblems<TApi>(
        string name,
        Auth0ClientOptions options,
        IServiceProvider serviceProvider,
        Func<Auth0ClientOptions, IServiceProvider, (string? Audience, string Key)>? findAudience)
        where TApi : class
    {
        if (findAudience is not null && TryFindAudience(findAudience, options, serviceProvider) is var (audience, key)
            && FindAudienceProblem<TApi>(audience, key) is { } audienceProblem)
        {
            yield return audienceProblem;
        }

        if (FindBaseAddressProblem<TApi>(ConfiguredBaseAddress(name, serviceProvider), options) is { } baseProblem)
        {
            yield return baseProblem;
        }
    }

    /// <summary>
    /// The audience and its key, or null when they come from named credentials that are themselves invalid: their
    /// own validation reports that, once, and the audience cannot be known until it is fixed.
    /// </summary>
    private static (string? Audience, string Key)? TryFindAudience(
        Func<Auth0ClientOptions, IServiceProvider, (string? Audience, string Key)> findAudience,
        Auth0ClientOptions options,
        IServiceProvider serviceProvider)
    {
        try
        {
            return findAudience(options, serviceProvider);
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }

    /// <summary>
    /// The base address that <c>ConfigureHttpClient</c> gives the API's HttpClient, found by applying its
    /// configuration to a client that is never used: options validation runs before any client exists.
    /// </summary>
    private static Uri? ConfiguredBaseAddress(string name, IServiceProvider serviceProvider)
    {
        var factoryOptions = serviceProvider.GetService<IOptionsMonitor<HttpClientFactoryOptions>>()?.Get(name);
        if (factoryOptions is null || factoryOptions.HttpClientActions.Count == 0)
        {
            return null;
        }

        using var probe = new System.Net.Http.HttpClient();
        foreach (var configureClient in factoryOptions.HttpClientActions)
        {
            configureClient(probe);
        }

        return probe.BaseAddress;
    }

    /// <summary>
    /// Fails at resolution too, for options read before validation ran (no host, so nothing validated at
    /// start-up), when the client would have no base address.
    /// </summary>
    private static void EnsureBaseAddress<TApi>(
        string name,
        Uri? clientBaseAddress,
        Auth0ClientOptions options,
        IServiceProvider serviceProvider)
        where TApi : class
    {
        if (FindBaseAddressProblem<TApi>(clientBaseAddress, options) is not { } problem)
        {
            return;
        }

        var configurationNote = serviceProvider.GetService<IConfiguration>() is null
            ? " " + Auth0Settings.NoConfigurationNote
            : string.Empty;
        throw new InvalidOperationException($"Auth0 settings for {name}: {problem}{configurationNote}");
    }

    private static string? FindBaseAddressProblem<TApi>(Uri? clientBaseAddress, Auth0ClientOptions options)
        where TApi : class
        => clientBaseAddress is not null
            || !string.IsNullOrWhiteSpace(options.BaseUrl)
            || !string.IsNullOrWhiteSpace(Auth0ApiClient.GetMetadata<TApi>().BaseUrl)
            ? null
            : $"{Auth0Settings.BaseUrlKey} is missing and the client has no other base address. Set"
                + $" {Auth0Settings.BaseUrlKey} to the API's base address, such as https://api.example.com/, set"
                + " HttpClient.BaseAddress with ConfigureHttpClient, or declare [Auth0Api(BaseUrl = \"...\")] on the"
                + " interface.";

    private static TApi CreateClient<TApi>(
        string name,
        System.Net.Http.HttpClient httpClient,
        ICredentialsProvider credentials,
        Auth0ClientOptions options,
        string? defaultAudience,
        string? defaultOrganization,
        IServiceProvider serviceProvider,
        BearerAuthorization authorization)
        where TApi : class
    {
        if (!string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            httpClient.BaseAddress = new Uri(options.BaseUrl, UriKind.Absolute);
        }

        credentials = ApiDefaultsCredentialsProvider.Wrap(credentials, defaultAudience, defaultOrganization);
        var declaredBaseUrl = Auth0ApiClient.GetMetadata<TApi>().BaseUrl;
        var declaredBaseAddress = declaredBaseUrl is not null && Uri.TryCreate(declaredBaseUrl, UriKind.Absolute, out var declared)
            ? declared
            : null;
        var destinations = new TokenDestinations(declaredBaseAddress, [.. options.AllowedHosts]);
        var logger = serviceProvider.GetService<ILoggerFactory>()?.CreateLogger(ApiLoggerCategory);
        return Auth0ApiClient.Create<TApi>(
            httpClient, new ApiCredentialsProvider(credentials, destinations, name, logger, authorization));
    }

    private sealed record NamedCredentialsRegistration(string Name);
}
