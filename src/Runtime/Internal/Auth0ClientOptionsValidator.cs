using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Auth0ClientGen.Internal;

/// <summary>
/// Checks one API's <see cref="Auth0ClientOptions"/> when they are first read, so a missing setting fails with
/// a message naming its configuration key instead of a <see cref="System.NullReferenceException"/> later.
/// </summary>
/// <param name="optionsName">The options name of the API this validator is for.</param>
/// <param name="requireCredentials">False when the API brings its own credentials provider.</param>
/// <param name="hasConfiguration">
/// Whether an <see cref="Microsoft.Extensions.Configuration.IConfiguration"/> is registered; when none is, the
/// options were never bound from the <c>Auth0</c> section, and a missing setting says so.
/// </param>
/// <param name="findRegistrationProblems">
/// What the registration needs beyond the settings themselves, such as an audience from somewhere and a base
/// address from somewhere; each problem names its key.
/// </param>
internal sealed class Auth0ClientOptionsValidator(
    string optionsName,
    bool requireCredentials,
    bool hasConfiguration,
    Func<Auth0ClientOptions, IEnumerable<string>>? findRegistrationProblems = null)
    : IValidateOptions<Auth0ClientOptions>
{
    public ValidateOptionsResult Validate(string? name, Auth0ClientOptions options)
    {
        if (name != optionsName)
        {
            return ValidateOptionsResult.Skip;
        }

        var problems = requireCredentials
            ? Auth0Settings.FindCredentialProblems(options)
            : new List<string>();
        if (Auth0Settings.FindBaseUrlProblem(options.BaseUrl) is { } baseUrlProblem)
        {
            problems.Add(baseUrlProblem);
        }

        if (Auth0Settings.FindAllowedHostsProblem(options.AllowedHosts) is { } allowedHostsProblem)
        {
            problems.Add(allowedHostsProblem);
        }

        // Everything the registration misses is a missing setting, so it gets the configuration note too.
        var missing = requireCredentials && Auth0Settings.AnyCredentialMissing(options);
        if (findRegistrationProblems is not null)
        {
            var before = problems.Count;
            problems.AddRange(findRegistrationProblems(options));
            missing |= problems.Count > before;
        }

        if (!hasConfiguration && missing)
        {
            problems.Add(Auth0Settings.NoConfigurationNote);
        }

        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Auth0 settings for {optionsName}: {string.Join(" ", problems)}");
    }
}
