using Microsoft.Extensions.Options;

namespace Auth0ClientGen.Internal;

/// <summary>
/// Checks named credentials registered with <c>AddAuth0Credentials</c>, naming each key under their own section,
/// such as <c>Auth0:Credentials:billing:ClientSecret</c>.
/// </summary>
internal sealed class NamedCredentialsValidator(string credentialsName, string section, bool hasConfiguration)
    : IValidateOptions<Auth0ClientCredentialsOptions>
{
    public ValidateOptionsResult Validate(string? name, Auth0ClientCredentialsOptions options)
    {
        if (name != credentialsName)
        {
            return ValidateOptionsResult.Skip;
        }

        var problems = Auth0Settings.FindCredentialProblems(options, section);
        if (problems.Count > 0 && !hasConfiguration)
        {
            problems.Add(Auth0Settings.NoConfigurationNote);
        }

        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Auth0 credentials '{credentialsName}': {string.Join(" ", problems)}");
    }
}
