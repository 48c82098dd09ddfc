using System;
using System.Collections.Generic;

namespace Auth0ClientGen.GeneratedCodeQuality;

/// <summary>
/// Names every generated client, so this project stops compiling if the generator did not run, instead of
/// passing with nothing generated to check.
/// </summary>
internal static class GeneratedClients
{
    public static IReadOnlyList<Type> All { get; } =
    [
        typeof(OrdersApiClient),
        typeof(SearchApiClient),
        typeof(OrderStoreApiClient),
        typeof(DocumentsApiClient),
        typeof(PlatformConfigurationSettingsApiClient),
        typeof(PlatformAuditApiClient),
        typeof(NamesApiClient),
        typeof(InvoicesApiClient),
        typeof(ObliviousApiClient),
        typeof(ScopedUploadsApiClient),
        typeof(global::GlobalPingApiClient),
    ];
}
