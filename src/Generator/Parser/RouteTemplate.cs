using System;
using System.Collections.Generic;

namespace Auth0ClientGen.Generator.Parser;

/// <summary>A route template split into literal text and placeholder names, or the reason it is malformed.</summary>
internal sealed class RouteTemplate
{
    private RouteTemplate(List<(string Text, bool IsPlaceholder)> parts, string? error)
    {
        Parts = parts;
        Error = error;
    }

    public List<(string Text, bool IsPlaceholder)> Parts { get; }

    /// <summary>Why the template is malformed, worded to follow "is malformed: ", or null.</summary>
    public string? Error { get; }

    public static RouteTemplate Parse(string template)
    {
        var parts = new List<(string, bool)>();
        // Compared ordinally: a culture-aware StartsWith is slow, and would skip characters such as U+200B.
        if (template.Length == 0 || template[0] != '/')
        {
            return Fail("it must start with '/'");
        }

        var literalStart = 0;
        for (var i = 0; i < template.Length; i++)
        {
            switch (template[i])
            {
                case '#':
                    return Fail("a fragment ('#') is never sent to the server");
                case '}':
                    return Fail($"the '}}' at position {i} closes no placeholder");
                case '{':
                    var close = template.IndexOf('}', i + 1);
                    if (close < 0)
                    {
                        return Fail($"the '{{' at position {i} is never closed");
                    }

                    var name = template.Substring(i + 1, close - i - 1);
                    if (!IsPlaceholderName(name))
                    {
                        return Fail($"'{{{name}}}' is not a placeholder; use a parameter name such as {{id}}, a property"
                            + " path such as {order.Id}, or a catch-all such as {**path}");
                    }

                    if (i > literalStart)
                    {
                        parts.Add((template.Substring(literalStart, i - literalStart), false));
                    }

                    parts.Add((name, true));
                    i = close;
                    literalStart = close + 1;
                    break;
            }
        }

        if (literalStart < template.Length)
        {
            parts.Add((template.Substring(literalStart), false));
        }

        if (FindDotSegment(template) is { } dotSegment)
        {
            return Fail($"'{dotSegment.Text}' at position {dotSegment.Start} is a dot segment, which URI normalization"
                + " removes (for '..' with the segment before it), so the request would go to another address; write"
                + " the path it stands for instead");
        }

        return new RouteTemplate(parts, null);

        RouteTemplate Fail(string error) => new(parts, error);
    }

    /// <summary>
    /// The first literal "." or ".." segment of the path, also when written with "%2e" or ended by a backslash, which
    /// System.Uri treats as "/" in http addresses. Placeholders are left out: the runtime refuses such route values.
    /// </summary>
    private static (string Text, int Start)? FindDotSegment(string template)
    {
        var queryStart = template.IndexOf('?');
        var pathEnd = queryStart < 0 ? template.Length : queryStart;
        var segmentStart = 1;
        for (var i = 1; i <= pathEnd; i++)
        {
            if (i < pathEnd && template[i] != '/' && template[i] != '\\')
            {
                continue;
            }

            // Only a segment of at most six characters ("%2e%2e") can stand for "." or "..".
            if (i - segmentStart > 6)
            {
                segmentStart = i + 1;
                continue;
            }

            var segment = template.Substring(segmentStart, i - segmentStart);
            var decoded = segment.Replace("%2e", ".").Replace("%2E", ".");
            if (decoded is "." or "..")
            {
                return (segment, segmentStart);
            }

            segmentStart = i + 1;
        }

        return null;
    }

    /// <summary>A name (<c>id</c>), a property path (<c>order.Id</c>) or a catch-all (<c>**path</c>).</summary>
    private static bool IsPlaceholderName(string name)
    {
        if (name.StartsWith("**", StringComparison.Ordinal))
        {
            return IsIdentifier(name.Substring(2));
        }

        foreach (var part in name.Split('.'))
        {
            if (!IsIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
