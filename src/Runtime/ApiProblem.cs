using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text.Json;

namespace Auth0ClientGen;

/// <summary>
/// The problem details (RFC 9457) an API sent with an error response, as found in
/// <see cref="ApiException.Problem"/>.
/// </summary>
/// <remarks>
/// It is read with <see cref="JsonDocument"/>, without reflection, so it works under trimming and Native AOT.
/// A body counts as problem details when it is a JSON object with at least one of the standard members
/// <c>type</c>, <c>title</c>, <c>status</c> or <c>detail</c>, whatever its content type says.
/// </remarks>
public sealed class ApiProblem
{
    private static readonly IReadOnlyDictionary<string, JsonElement> NoExtensions =
        new ReadOnlyDictionary<string, JsonElement>(new Dictionary<string, JsonElement>());

    /// <summary>A URI reference naming the problem type, such as <c>https://example.com/probs/out-of-credit</c>.</summary>
    public string? Type { get; init; }

    /// <summary>A short, human-readable summary of the problem type.</summary>
    public string? Title { get; init; }

    /// <summary>The HTTP status code the API gave in the body, which may differ from the response's own.</summary>
    public int? Status { get; init; }

    /// <summary>A human-readable explanation of this occurrence of the problem.</summary>
    public string? Detail { get; init; }

    /// <summary>A URI reference identifying this occurrence of the problem.</summary>
    public string? Instance { get; init; }

    /// <summary>Every other member of the body, such as <c>errors</c> or <c>traceId</c>, by name.</summary>
    public IReadOnlyDictionary<string, JsonElement> Extensions { get; init; } = NoExtensions;

    /// <summary>
    /// Reads problem details from an error body, or returns null when the body is not a JSON object with at least
    /// one standard member.
    /// </summary>
    internal static ApiProblem? TryParse(string? content)
    {
        // Checking the first character first keeps HTML and plain text bodies from costing a parse exception.
        if (content is null || !content.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            string? type = null, title = null, detail = null, instance = null;
            int? status = null;
            var extensions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var member in document.RootElement.EnumerateObject())
            {
                switch (member.Name)
                {
                    case "type" when member.Value.ValueKind == JsonValueKind.String:
                        type = member.Value.GetString();
                        break;
                    case "title" when member.Value.ValueKind == JsonValueKind.String:
                        title = member.Value.GetString();
                        break;
                    case "detail" when member.Value.ValueKind == JsonValueKind.String:
                        detail = member.Value.GetString();
                        break;
                    case "instance" when member.Value.ValueKind == JsonValueKind.String:
                        instance = member.Value.GetString();
                        break;
                    case "status" when member.Value.ValueKind == JsonValueKind.Number && member.Value.TryGetInt32(out var number):
                        status = number;
                        break;
                    default:
                        // Clone detaches the value from the document, which is disposed on return.
                        extensions[member.Name] = member.Value.Clone();
                        break;
                }
            }

            if (type is null && title is null && status is null && detail is null)
            {
                return null;
            }

            return new ApiProblem
            {
                Type = type,
                Title = title,
                Status = status,
                Detail = detail,
                Instance = instance,
                Extensions = extensions.Count == 0 ? NoExtensions : new ReadOnlyDictionary<string, JsonElement>(extensions),
            };
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // The root is not an object after all (EnumerateObject refuses it).
            return null;
        }
    }
}
