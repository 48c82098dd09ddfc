using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Auth0ClientGen.Testing.Internal.Users;

/// <summary>
/// <c>/api/v2/users</c> of the Management API, each route behind its own scope, with Auth0's status codes and bodies.
/// Known shortcoming: the connection named on create is taken as given, where Auth0 would check that it exists.
/// </summary>
internal static class UsersEndpoints
{
    private const int DefaultPerPage = 50;
    private const int MaximumPerPage = 100;

    private static readonly JsonDocumentOptions BodyOptions = new() { AllowDuplicateProperties = false };

    public static void MapUsersEndpoints(this IEndpointRouteBuilder endpoints, UserStore store)
    {
        endpoints.MapGet("/api/v2/users", context => ListAsync(context, store))
            .RequireAuthorization(ProtectedApiAuthentication.ManagementApiPolicy("read:users"));

        endpoints.MapGet("/api/v2/users/{id}", context => GetAsync(context, store))
            .RequireAuthorization(ProtectedApiAuthentication.ManagementApiPolicy("read:users"));

        endpoints.MapPost("/api/v2/users", context => CreateAsync(context, store))
            .RequireAuthorization(ProtectedApiAuthentication.ManagementApiPolicy("create:users"));

        endpoints.MapPatch("/api/v2/users/{id}", context => UpdateAsync(context, store))
            .RequireAuthorization(ProtectedApiAuthentication.ManagementApiPolicy("update:users"));

        endpoints.MapDelete("/api/v2/users/{id}", context => DeleteAsync(context, store))
            .RequireAuthorization(ProtectedApiAuthentication.ManagementApiPolicy("delete:users"));
    }

    private static Task ListAsync(HttpContext context, UserStore store)
    {
        var query = context.Request.Query;
        if (!TryReadInteger(query["page"], 0, 0, int.MaxValue, out var page))
        {
            return InvalidQueryAsync(context, "page", "Expected a whole number of 0 or more");
        }

        if (!TryReadInteger(query["per_page"], DefaultPerPage, 0, MaximumPerPage, out var perPage))
        {
            return InvalidQueryAsync(context, "per_page", $"Expected a whole number from 0 to {MaximumPerPage}");
        }

        if (!TryReadBoolean(query["include_totals"], out var includeTotals))
        {
            return InvalidQueryAsync(context, "include_totals", "Expected true or false");
        }

        var (search, searchError) = UserSearch.Parse(query["q"]);
        if (search is null)
        {
            return InvalidQueryAsync(context, "q", searchError!);
        }

        var (users, total) = store.Search(search, page, perPage);
        var usersArray = new JsonArray([.. users]);
        JsonNode body = includeTotals
            ? new JsonObject
            {
                ["start"] = (long)page * perPage,
                ["limit"] = perPage,
                ["length"] = users.Count,
                ["total"] = total,
                ["users"] = usersArray,
            }
            : usersArray;
        return WriteJsonAsync(context, StatusCodes.Status200OK, body);
    }

    private static Task GetAsync(HttpContext context, UserStore store)
    {
        var user = store.Find(ReadUserId(context));
        return user is null ? UserNotFoundAsync(context) : WriteJsonAsync(context, StatusCodes.Status200OK, user);
    }

    private static async Task CreateAsync(HttpContext context, UserStore store)
    {
        var payload = await ReadPayloadAsync(context);
        if (payload is null)
        {
            return;
        }

        var missingProperty = payload.Connection is null ? "connection" : payload.Email is null ? "email" : null;
        if (missingProperty is not null)
        {
            await InvalidBodyAsync(
                context, $"Payload validation error: 'Missing required property: {missingProperty}'.");
            return;
        }

        var (outcome, user) = store.Create(payload);
        await (outcome == UserChangeOutcome.Done
            ? WriteJsonAsync(context, StatusCodes.Status201Created, user!)
            : UserExistsAsync(context));
    }

    private static async Task UpdateAsync(HttpContext context, UserStore store)
    {
        var payload = await ReadPayloadAsync(context);
        if (payload is null)
        {
            return;
        }

        if (payload.PropertyCount == 0)
        {
            await InvalidBodyAsync(context, "Payload validation error: 'Too few properties defined (0), minimum 1'.");
            return;
        }

        var (outcome, user) = store.Update(ReadUserId(context), payload);
        await (outcome switch
        {
            UserChangeOutcome.Done => WriteJsonAsync(context, StatusCodes.Status200OK, user!),
            UserChangeOutcome.NotFound => UserNotFoundAsync(context),
            _ => UserExistsAsync(context),
        });
    }

    private static Task DeleteAsync(HttpContext context, UserStore store)
    {
        // Auth0 answers 204 whether or not the user existed, so a retried delete is harmless.
        store.Delete(ReadUserId(context));
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>Reads and checks the JSON body; on failure writes the 400 and returns null.</summary>
    private static async Task<UserPayload?> ReadPayloadAsync(HttpContext context)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(
                context.Request.Body, documentOptions: BodyOptions, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            await ApiErrors.WriteAsync(
                context.Response, StatusCodes.Status400BadRequest, "Invalid request payload JSON format");
            return null;
        }

        var (payload, error) = UserPayload.Parse(body);
        if (payload is null)
        {
            await InvalidBodyAsync(context, error!);
        }

        return payload;
    }

    // Routing has already decoded %7C back to '|', so the value is the user id as Auth0 wrote it.
    private static string ReadUserId(HttpContext context) => (string)context.Request.RouteValues["id"]!;

    private static bool TryReadInteger(string? text, int fallback, int minimum, int maximum, out int value)
    {
        value = fallback;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value >= minimum
            && value <= maximum;
    }

    private static bool TryReadBoolean(string? text, out bool value)
    {
        value = false;
        return string.IsNullOrEmpty(text) || bool.TryParse(text, out value);
    }

    private static Task InvalidQueryAsync(HttpContext context, string parameter, string problem) =>
        ApiErrors.WriteAsync(
            context.Response,
            StatusCodes.Status400BadRequest,
            $"Query validation error: '{problem}' on property {parameter}.",
            "invalid_query_string");

    private static Task InvalidBodyAsync(HttpContext context, string message) =>
        ApiErrors.WriteAsync(context.Response, StatusCodes.Status400BadRequest, message, "invalid_body");

    private static Task UserNotFoundAsync(HttpContext context) =>
        ApiErrors.WriteAsync(
            context.Response, StatusCodes.Status404NotFound, "The user does not exist.", "inexistent_user");

    private static Task UserExistsAsync(HttpContext context) =>
        ApiErrors.WriteAsync(
            context.Response, StatusCodes.Status409Conflict, "The user already exists.", "auth0_idp_error");

    private static Task WriteJsonAsync(HttpContext context, int statusCode, JsonNode body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
