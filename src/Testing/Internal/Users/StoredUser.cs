using System;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Auth0ClientGen.Testing.Internal.Users;

/// <summary>
/// A user of the in-memory Management API. Only <see cref="UserStore"/> touches it, always under its lock.
/// </summary>
internal sealed class StoredUser
{
    public required string UserId { get; init; }

    public required string Connection { get; init; }

    public required string Email { get; set; }

    public bool EmailVerified { get; set; }

    public required string Name { get; set; }

    public required string Nickname { get; set; }

    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    public string? Username { get; set; }

    public string? Picture { get; set; }

    public bool Blocked { get; set; }

    public JsonObject UserMetadata { get; set; } = [];

    public JsonObject AppMetadata { get; set; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }

    /// <summary>A detached copy in the Management API's field names, safe to use once the lock is released.</summary>
    public JsonObject ToJson()
    {
        var user = new JsonObject
        {
            ["user_id"] = UserId,
            ["email"] = Email,
            ["email_verified"] = EmailVerified,
            ["name"] = Name,
            ["nickname"] = Nickname,
        };
        AddIfSet(user, "given_name", GivenName);
        AddIfSet(user, "family_name", FamilyName);
        AddIfSet(user, "username", Username);
        AddIfSet(user, "picture", Picture);
        user["created_at"] = FormatTimestamp(CreatedAt);
        user["updated_at"] = FormatTimestamp(UpdatedAt);
        user["identities"] = new JsonArray
        {
            new JsonObject
            {
                ["connection"] = Connection,
                ["user_id"] = UserId[(UserId.IndexOf('|') + 1)..],
                ["provider"] = "auth0",
                ["isSocial"] = false,
            },
        };
        user["user_metadata"] = UserMetadata.DeepClone();
        user["app_metadata"] = AppMetadata.DeepClone();
        user["blocked"] = Blocked;
        return user;
    }

    // Auth0 writes timestamps as ISO 8601 in UTC with milliseconds, e.g. 2024-05-01T09:30:00.123Z.
    private static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void AddIfSet(JsonObject user, string name, string? value)
    {
        if (value is not null)
        {
            user[name] = value;
        }
    }
}
