using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Auth0ClientGen.Testing.Internal.Users;

/// <summary>
/// A small subset of the Lucene syntax that <c>GET /api/v2/users?q=</c> accepts: <c>field:value</c>,
/// <c>field:"quoted value"</c>, a trailing <c>*</c> for a prefix, and plain words matched as substrings of the email,
/// name, nickname or user id. Several terms must all match; an explicit <c>AND</c> is allowed and means the same.
/// Known shortcoming: no <c>OR</c>, <c>NOT</c>, ranges or grouping; supporting them takes a real query parser.
/// </summary>
internal sealed class UserSearch
{
    private readonly IReadOnlyList<Func<StoredUser, bool>> _terms;

    private UserSearch(IReadOnlyList<Func<StoredUser, bool>> terms) => _terms = terms;

    public static UserSearch All { get; } = new([]);

    public bool Matches(StoredUser user) => _terms.All(term => term(user));

    public static (UserSearch? Search, string? Error) Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return (All, null);
        }

        var terms = new List<Func<StoredUser, bool>>();
        foreach (var token in Tokenize(query))
        {
            if (token.Field is null && !token.Quoted && token.Value == "AND")
            {
                continue;
            }

            if (token.Field is null && !token.Quoted && token.Value is "OR" or "NOT")
            {
                return (null, $"The local tenant does not support the {token.Value} operator in q.");
            }

            var term = token.Field is null ? PlainTextTerm(token.Value) : FieldTerm(token.Field, token.Value);
            if (term is null)
            {
                return (null, $"The local tenant cannot search on the field {token.Field}.");
            }

            terms.Add(term);
        }

        return (new UserSearch(terms), null);
    }

    private static Func<StoredUser, bool> PlainTextTerm(string text) => user =>
        Contains(user.Email, text) || Contains(user.Name, text) || Contains(user.Nickname, text)
        || Contains(user.UserId, text);

    private static Func<StoredUser, bool>? FieldTerm(string field, string value)
    {
        Func<StoredUser, string?>? select = field switch
        {
            "email" => user => user.Email,
            "name" => user => user.Name,
            "nickname" => user => user.Nickname,
            "user_id" => user => user.UserId,
            "given_name" => user => user.GivenName,
            "family_name" => user => user.FamilyName,
            "username" => user => user.Username,
            "email_verified" => user => user.EmailVerified ? "true" : "false",
            "blocked" => user => user.Blocked ? "true" : "false",
            _ => null,
        };
        if (select is null)
        {
            return null;
        }

        if (value.EndsWith('*'))
        {
            var prefix = value[..^1];
            return user => select(user)?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) == true;
        }

        return user => string.Equals(select(user), value, StringComparison.OrdinalIgnoreCase);
    }

    private static bool Contains(string? text, string part) =>
        text?.Contains(part, StringComparison.OrdinalIgnoreCase) == true;

    private static IEnumerable<SearchToken> Tokenize(string query)
    {
        var position = 0;
        while (true)
        {
            while (position < query.Length && char.IsWhiteSpace(query[position]))
            {
                position++;
            }

            if (position == query.Length)
            {
                yield break;
            }

            string? field = null;
            var start = position;
            while (position < query.Length && !char.IsWhiteSpace(query[position]) && query[position] != '"')
            {
                if (query[position] == ':' && field is null)
                {
                    field = query[start..position];
                    start = position + 1;
                }

                position++;
            }

            if (position < query.Length && query[position] == '"' && position == start)
            {
                var value = new StringBuilder();
                position++;
                while (position < query.Length && query[position] != '"')
                {
                    value.Append(query[position]);
                    position++;
                }

                // Step over the closing quote; a missing one simply ends the value at the end of the query.
                position = Math.Min(position + 1, query.Length);
                yield return new SearchToken(field, value.ToString(), Quoted: true);
            }
            else
            {
                yield return new SearchToken(field, query[start..position], Quoted: false);
            }
        }
    }

    private readonly record struct SearchToken(string? Field, string Value, bool Quoted);
}
