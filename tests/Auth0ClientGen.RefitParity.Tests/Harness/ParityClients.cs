using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Threading.Tasks;
using Auth0ClientGen.RefitParity.Tests.Corpus;

namespace Auth0ClientGen.RefitParity.Tests.Harness;

/// <summary>
/// The whole corpus compiled once per side for the test run, and a way to call any of its methods on either
/// side through a fresh capturing handler.
/// </summary>
internal sealed class ParityClients
{
    public const string BaseAddress = "https://api.example.com/v1";

    private static readonly Lazy<ParityClients> Shared = new(() => new ParityClients(ParityCorpus.All));

    internal ParityClients(IReadOnlyList<CorpusMethod> methods)
    {
        Refit = CorpusCompiler.Compile(Side.Refit, methods);
        Ours = CorpusCompiler.Compile(Side.Auth0ClientGen, methods);

        // Refit's generated code registers its factory from a module initializer; run both sides' now rather
        // than relying on when the runtime would.
        RuntimeHelpers.RunModuleConstructor(Refit.Assembly.ManifestModule.ModuleHandle);
        RuntimeHelpers.RunModuleConstructor(Ours.Assembly.ManifestModule.ModuleHandle);
    }

    public static ParityClients Instance => Shared.Value;

    public CompiledCorpus Refit { get; }

    public CompiledCorpus Ours { get; }

    public CompiledCorpus this[Side side] => side == Side.Refit ? Refit : Ours;

    /// <summary>Calls a corpus method with its own arguments; the server answers with its response body.</summary>
    public Task<CallOutcome> CallAsync(Side side, CorpusMethod method, CallOptions? options = null)
        => CallAsync(side, method.Name, method.Arguments, options ?? CallOptions.For(method));

    /// <summary>
    /// Calls <paramref name="methodName"/> on a new client of <paramref name="side"/> and records what it sent and
    /// what it returned or threw. Calls run in the invariant culture unless <paramref name="options"/> says otherwise.
    /// </summary>
    public async Task<CallOutcome> CallAsync(
        Side side,
        string methodName,
        object?[] arguments,
        CallOptions? options = null)
    {
        options ??= CallOptions.Default;
        var handler = new CapturingHandler(options.Status, options.ResponseBody, options.ResponseMediaType);
        using var httpClient = new HttpClient(handler) { BaseAddress = new Uri(options.BaseAddress) };
        var client = CreateClient(side, httpClient);
        var method = this[side].Interface.GetMethod(methodName)
            ?? throw new ArgumentException($"The corpus has no method {methodName}.", nameof(methodName));

        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = options.Culture;
        try
        {
            var result = await InvokeAsync(method, client, arguments);
            return new CallOutcome(handler.Requests.SingleOrDefault(), await DescribeResultAsync(result), null);
        }
        catch (Exception exception)
        {
            return new CallOutcome(handler.Requests.SingleOrDefault(), null, exception);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private object CreateClient(Side side, HttpClient httpClient)
    {
        if (side == Side.Refit)
        {
            // The generated-only entry point: RestService.For would also accept it, but insists on the optional
            // Refit.Reflection package even when, as here, the generator wrote every method inline.
            return global::Refit.RestService.ForGenerated(
                Refit.Interface, httpClient, new global::Refit.RefitSettings());
        }

        var clientName = $"{CorpusCompiler.CorpusNamespace}.ParityApiClient";
        var clientType = Ours.Assembly.GetType(clientName, throwOnError: true)!;
        return Activator.CreateInstance(clientType, httpClient, new StaticCredentialsProvider("token"))!;
    }

    private static async Task<object?> InvokeAsync(MethodInfo method, object client, object?[] arguments)
    {
        Task task;
        try
        {
            task = (Task)method.Invoke(client, arguments.ToArray())!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }

        await task;
        return method.ReturnType.IsGenericType ? method.ReturnType.GetProperty("Result")!.GetValue(task) : null;
    }

    /// <summary>Turns a result into text both sides can be compared by.</summary>
    private static async Task<string?> DescribeResultAsync(object? result)
    {
        switch (result)
        {
            case null:
                return null;
            case string text:
                return text;
            case HttpResponseMessage response:
                using (response)
                {
                    return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                }

            default:
                return JsonSerializer.Serialize(result, result.GetType());
        }
    }
}

/// <summary>How a call is made and how the fake server answers it.</summary>
internal sealed record CallOptions
{
    public static CallOptions Default { get; } = new();

    /// <summary>The default options, answering with the method's own response body.</summary>
    public static CallOptions For(CorpusMethod method) => Default with { ResponseBody = method.ResponseBody };

    public string BaseAddress { get; init; } = ParityClients.BaseAddress;

    public HttpStatusCode Status { get; init; } = HttpStatusCode.OK;

    public string ResponseBody { get; init; } = CorpusMethod.DefaultResponseBody;

    public string ResponseMediaType { get; init; } = "application/json";

    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;
}

/// <summary>What one call sent, and what it returned or threw.</summary>
/// <param name="Request">The captured request, or null when the client refused to send one.</param>
/// <param name="Result">The result described as text; null for <c>Task</c> or when the call threw.</param>
/// <param name="Exception">What the call threw, if anything.</param>
internal sealed record CallOutcome(CapturedRequest? Request, string? Result, Exception? Exception)
{
    /// <summary>The request, failing the test with the exception when the call sent none.</summary>
    public CapturedRequest SentRequest
        => Request ?? throw new InvalidOperationException("The call sent no request.", Exception);

    public override string ToString()
        => $"{Request?.ToString() ?? "(no request)"}{Environment.NewLine}=> "
            + (Exception is null ? Result ?? "(no result)" : $"{Exception.GetType().FullName}: {Exception.Message}");
}
