using Auth0ClientGen.Generator.Helpers;

namespace Auth0ClientGen.Generator.Model;

/// <summary>What parsing one interface produced: the model to emit, if any, and the diagnostics to report.</summary>
internal sealed record ParseResult(ApiModel? Api, EquatableArray<DiagnosticInfo> Diagnostics);
