using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading;

namespace Auth0ClientGen.Testing.Internal.Users;

/// <summary>What a change to the store came to.</summary>
internal enum UserChangeOutcome
{
    Done,
    NotFound,
    EmailTaken,
}

/// <summary>
/// The users of the in-memory Management API, kept in creation order. Safe to use from any thread; every result is a
/// detached JSON copy.
/// </summary>
internal sealed class UserStore(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly List<StoredUser> _users = [];

    /// <summary>Creates a user from a payload that already has a connection and an email.</summary>
    public (UserChangeOutcome Outcome, JsonObject? User) Create(UserPayload payload)
    {
        var connection = payload.Connection!;
        var email = payload.Email!;
        var now = timeProvider.GetUtcNow();

        lock (_gate)
        {
            if (FindByEmail(connection, email, exceptUserId: null) is not null)
            {
                return (UserChangeOutcome.EmailTaken, null);
            }

            // Auth0 database users get "auth0|" and 24 hex digits, and default the name and nickname from the email.
            var user = new StoredUser
            {
                UserId = "auth0|" + RandomNumberGenerator.GetHexString(24, lowercase: true),
                Connection = connection,
                Email = email,
                EmailVerified = payload.EmailVerified ?? false,
                Name = payload.Name ?? email,
                Nickname = payload.Nickname ?? email[..email.IndexOf('@')],
                GivenName = payload.GivenName,
                FamilyName = payload.FamilyName,
                Username = payload.Username,
                Picture = payload.Picture,
                Blocked = payload.Blocked ?? false,
                UserMetadata = (JsonObject?)payload.UserMetadata?.DeepClone() ?? new JsonObject(),
                AppMetadata = (JsonObject?)payload.AppMetadata?.DeepClone() ?? new JsonObject(),
                CreatedAt = now,
                UpdatedAt = now,
            };
            _users.Add(user);
            return (UserChangeOutcome.Done, user.ToJson());
        }
    }

    public JsonObject? Find(string userId)
    {
        lock (_gate)
        {
            return FindById(userId)?.ToJson();
        }
    }

    /// <summary>
    /// Applies the properties the payload has and leaves the rest. Metadata merges one level deep, and a property
    /// set to null in the payload's metadata is removed, as Auth0 does.
    /// </summary>
    public (UserChangeOutcome Outcome, JsonObject? User) Update(string userId, UserPayload payload)
    {
        lock (_gate)
        {
            var user = FindById(userId);
            if (user is null)
            {
                return (UserChangeOutcome.NotFound, null);
            }

            if (payload.Email is { } newEmail && FindByEmail(user.Connection, newEmail, userId) is not null)
            {
                return (UserChangeOutcome.EmailTaken, null);
            }

            user.Email = payload.Email ?? user.Email;
            user.EmailVerified = payload.EmailVerified ?? user.EmailVerified;
            user.Name = payload.Name ?? user.Name;
            user.Nickname = payload.Nickname ?? user.Nickname;
            user.GivenName = payload.GivenName ?? user.GivenName;
            user.FamilyName = payload.FamilyName ?? user.FamilyName;
            user.Username = payload.Username ?? user.Username;
            user.Picture = payload.Picture ?? user.Picture;
            user.Blocked = payload.Blocked ?? user.Blocked;
            MergeMetadata(user.UserMetadata, payload.UserMetadata);
            MergeMetadata(user.AppMetadata, payload.AppMetadata);
            user.UpdatedAt = timeProvider.GetUtcNow();
            return (UserChangeOutcome.Done, user.ToJson());
        }
    }

    public bool Delete(string userId)
    {
        lock (_gate)
        {
            return _users.RemoveAll(user => user.UserId == userId) > 0;
        }
    }

    /// <summary>Returns one page of the users that match, and how many match in all.</summary>
    public (IReadOnlyList<JsonObject> Users, int Total) Search(UserSearch search, int page, int perPage)
    {
        lock (_gate)
        {
            var matches = _users.Where(search.Matches).ToList();
            var pageUsers = matches
                .Skip((int)Math.Min((long)page * perPage, int.MaxValue))
                .Take(perPage)
                .Select(user => user.ToJson())
                .ToList();
            return (pageUsers, matches.Count);
        }
    }

    private static void MergeMetadata(JsonObject metadata, JsonObject? changes)
    {
        if (changes is null)
        {
            return;
        }

        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                metadata.Remove(name);
            }
            else
            {
                metadata[name] = value.DeepClone();
            }
        }
    }

    private StoredUser? FindById(string userId) => _users.Find(user => user.UserId == userId);

    private StoredUser? FindByEmail(string connection, string email, string? exceptUserId) => _users.Find(user =>
        user.Connection == connection
        && string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase)
        && user.UserId != exceptUserId);
}
