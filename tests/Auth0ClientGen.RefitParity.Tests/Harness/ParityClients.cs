using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
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

    /// <summary>
    /// The access token our clients send. Error bodies are quoted with the token redacted, so it must be a string no
    /// response in the corpus contains by chance.
    /// </summary>
    public const string AccessToken = "parity-access-token-5f0c";

    private static readonly Lazy<ParityClients> Shared = new(() => new ParityClients(ParityCorpus.All));

    private readonly Dictionary<string, CorpusMethod> _methods;

    internal ParityClients(IReadOnlyList<CorpusMethod> methods)
    {
        _methods = methods.ToDictionary(method => method.Name);
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

    /// <summary>
    /// Calls the corpus method <paramref name="methodName"/> with other arguments, in the invariant culture unless
    /// <paramref name="options"/> says otherwise.
    /// </summary>
    public Task<CallOutcome> CallAsync(
        Side side,
        string methodName,
        object?[] arguments,
        CallOptions? options = null)
    {
        var method = _methods.TryGetValue(methodName, out var found)
            ? found
            : throw new ArgumentException($"The corpus has no method {methodName}.", nameof(methodName));
        return CallAsync(side, method with { Arguments = arguments }, options ?? CallOptions.Default);
    }

    /// <summary>
    /// Calls <paramref name="method"/> on a new client of <paramref name="side"/> and records what it sent and what
    /// it returned or threw. Without <paramref name="options"/>, the call runs in the invariant culture and the
    /// server answers with the method's own response body.
    /// </summary>
    public async Task<CallOutcome> CallAsync(Side side, CorpusMethod method, CallOptions? options = null)
    {
        options ??= CallOptions.For(method);
        var handler = new CapturingHandler(options.Status, options.ResponseBody, options.ResponseMediaType);
        using var httpClient = new HttpClient(handler) { BaseAddress = new Uri(options.BaseAddress) };
        var corpus = this[side];
        var client = CreateClient(corpus, method.Interface, httpClient);
        var declared = corpus.Interfaces[method.Interface].GetMethod(method.Name)
            ?? throw new ArgumentException($"The {side} corpus has no method {method.Name}.", nameof(method));
        if (declared.IsGenericMethodDefinition)
        {
            declared = declared.MakeGenericMethod(method.TypeArguments);
        }

        var arguments = method.Arguments
            .Select(argument => argument is CorpusArgument made ? made.Create(corpus.Assembly) : argument)
            .ToArray();

        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = options.Culture;
        try
        {
            var result = await InvokeAsync(declared, client, arguments);
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

    private static object CreateClient(CompiledCorpus corpus, CorpusInterface corpusInterface, HttpClient httpClient)
    {
        var interfaceType = corpus.Interfaces[corpusInterface];
        if (corpus.Side == Side.Refit)
        {
            // The generated-only entry point: RestService.For would also accept it, but insists on the optional
            // Refit.Reflection package even when, as here, the generator wrote every method inline.
            return global::Refit.RestService.ForGenerated(interfaceType, httpClient, new global::Refit.RefitSettings());
        }

        // IParityApi is implemented by ParityApiClient.
        var clientName = $"{CorpusCompiler.CorpusNamespace}.{interfaceType.Name[1..]}Client";
        var clientType = corpus.Assembly.GetType(clientName, throwOnError: true)!;
        return Activator.CreateInstance(clientType, httpClient, new StaticCredentialsProvider(AccessToken))!;
    }

    /// <summary>
    /// Calls the method and waits for what it returns: a task or value task is awaited, and an async sequence is
    /// read to its end, which is when it sends its request.
    /// </summary>
    private static async Task<object?> InvokeAsync(MethodInfo method, object client, object?[] arguments)
    {
        object returned;
        try
        {
            returned = method.Invoke(client, arguments)!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }

        var returnType = method.ReturnType;
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))
        {
            var read = typeof(ParityClients)
                .GetMethod(nameof(ReadToEndAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(returnType.GetGenericArguments());
            return await (Task<AsyncSequence>)read.Invoke(null, [returned])!;
        }

        // A value task is turned into a task, whose Result then has the value task's result type.
        var task = returned as Task
            ?? (Task)returned.GetType().GetMethod(nameof(ValueTask.AsTask))!.Invoke(returned, null)!;
        await task;
        if (!returnType.IsGenericType)
        {
            // An async method's Task is a Task<VoidTaskResult> underneath; only the declared type tells.
            return null;
        }

        var resultType = typeof(Task<>).MakeGenericType(returnType.GetGenericArguments());
        return resultType.GetProperty(nameof(Task<object>.Result))!.GetValue(task);
    }

    private static async Task<AsyncSequence> ReadToEndAsync<T>(IAsyncEnumerable<T> sequence)
    {
        var items = new List<object?>();
        await foreach (var item in sequence)
        {
            items.Add(item);
        }

        return new AsyncSequence(items);
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

            case Stream stream:
                await using (stream)
                {
                    return $"stream: {await new StreamReader(stream).ReadToEndAsync()}";
                }

            case AsyncSequence sequence:
                return $"sequence: {JsonSerializer.Serialize(sequence.Items)}";
            case IDisposable when IsApiResponse(result.GetType()):
                return DescribeApiResponse(result);
            default:
                return JsonSerializer.Serialize(result, result.GetType());
        }
    }

    private static bool IsApiResponse(Type type)
        => type.IsGenericType && type.GetGenericTypeDefinition().Name == "ApiResponse`1";

    /// <summary>
    /// Describes either library's <c>ApiResponse&lt;T&gt;</c> by what the two share: the status, the content, and
    /// the error's status and body. The response is disposed.
    /// </summary>
    private static string DescribeApiResponse(object response)
    {
        using var disposable = (IDisposable)response;
        var type = response.GetType();
        var status = (HttpStatusCode)type.GetProperty("StatusCode")!.GetValue(response)!;
        var content = type.GetProperty("Content")!.GetValue(response);
        var error = type.GetProperty("Error")!.GetValue(response);
        var described = $"ApiResponse {(int)status} content: {JsonSerializer.Serialize(content)}";
        if (error is null)
        {
            return described + " error: none";
        }

        var errorType = error.GetType();
        var errorStatus = (HttpStatusCode)errorType.GetProperty("StatusCode")!.GetValue(error)!;
        var errorContent = errorType.GetProperty("Content")!.GetValue(error);
        return described + $" error: {(int)errorStatus} {errorContent}";
    }

    /// <summary>The items an <c>IAsyncEnumerable&lt;T&gt;</c> gave, read to the end.</summary>
    private sealed record AsyncSequence(IReadOnlyList<object?> Items);
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
