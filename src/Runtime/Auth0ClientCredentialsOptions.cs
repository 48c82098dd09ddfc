namespace Auth0ClientGen;

/// <summary>
/// Settings for <see cref="Auth0ClientCredentialsProvider"/>: which Auth0 tenant to ask, as which application, how
/// the application proves who it is, and for which audience when a call names none.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> never shows <see cref="Auth0CredentialSettings.ClientSecret"/> or
/// <see cref="Auth0CredentialSettings.ClientAssertionSigningKey"/>.
/// </remarks>
public sealed class Auth0ClientCredentialsOptions : Auth0CredentialSettings
{
    /// <summary>Describes the options with the client secret and signing key left out.</summary>
    public override string ToString()
        => Internal.Auth0Settings.Describe(nameof(Auth0ClientCredentialsOptions), this);
}
