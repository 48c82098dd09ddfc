using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Auth0ClientGen.Testing.Internal.Users;

/// <summary>
/// The body of <c>POST /api/v2/users</c> or <c>PATCH /api/v2/users/{id}</c>, checked the way Auth0 checks it:
/// unknown properties and wrongly typed values are refused with a payload validation error.
/// </summary>
internal sealed class UserPayload
{
    private static readonly HashSet<string> StringProperties = new(StringComparer.Ordinal)
    {
        "connection", "email", "password", "name", "nickname", "given_name", "family_name", "username", "picture",
    };

    private static readonly HashSet<string> BooleanProperties = new(StringComparer.Ordinal)
    {
        "email_verified", "verify_email", "blocked",
    };

    private static readonly HashSet<string> ObjectProperties = new(StringComparer.Ordinal)
    {
        "user_metadata", "app_metadata",
    };

    private readonly JsonObject _body;

    private UserPayload(JsonObject body) => _body = body;

    public int PropertyCount => _body.Count;

    public string? Connection => GetString("connection");

    public string? Email => GetString("email");

    public string? Name => GetString("name");

    public string? Nickname => GetString("nickname");

    public string? GivenName => GetString("given_name");

    public string? FamilyName => GetString("family_name");

    public string? Username => GetString("username");

    public string? Picture => GetString("picture");

    public bool? EmailVerified => GetBoolean("email_verified");

    public bool? Blocked => GetBoolean("blocked");

    public JsonObject? UserMetadata => _body["user_metadata"] as JsonObject;

    public JsonObject? AppMetadata => _body["app_metadata"] as JsonObject;

    /// <summary>Checks <paramref name="body"/> and returns the payload, or an Auth0-style validation message.</summary>
    public static (UserPayload? Payload, string? Error) Parse(JsonNode? body)
    {
        if (body is not JsonObject bodyObject)
        {
            return (null, $"Payload validation error: 'Expected type object but found type {TypeName(body)}'.");
        }

        foreach (var (name, value) in bodyObject)
        {
            var expected = StringProperties.Contains(name) ? JsonValueKind.String
                : BooleanProperties.Contains(name) ? JsonValueKind.True
                : ObjectProperties.Contains(name) ? JsonValueKind.Object
                : JsonValueKind.Undefined;
            if (expected == JsonValueKind.Undefined)
            {
                return (null, $"Payload validation error: 'Additional properties not allowed: {name}'.");
            }

            var actual = value?.GetValueKind() ?? JsonValueKind.Null;
            var matches = expected == JsonValueKind.True
                ? actual is JsonValueKind.True or JsonValueKind.False
                : actual == expected;
            if (!matches)
            {
                return (null, "Payload validation error: "
                    + $"'Expected type {TypeName(expected)} but found type {TypeName(value)}' on property {name}.");
            }
        }

        var email = bodyObject["email"]?.GetValue<string>();
        if (email is not null && !LooksLikeEmail(email))
        {
            return (null, $"Payload validation error: 'Object didn't pass validation for format email: {email}' "
                + "on property email.");
        }

        return (new UserPayload(bodyObject), null);
    }

    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@');
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);
    }

    private static string TypeName(JsonNode? node) => TypeName(node?.GetValueKind() ?? JsonValueKind.Null);

    private static string TypeName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private string? GetString(string name) => _body[name]?.GetValue<string>();

    private bool? GetBoolean(string name) => _body[name]?.GetValue<bool>();
}
