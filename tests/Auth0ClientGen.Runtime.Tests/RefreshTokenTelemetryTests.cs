using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Auth0ClientGen.Runtime.Tests.Support;

namespace Auth0ClientGen.Runtime.Tests;

/// <summary>The instruments are static, so this class runs alone: no other test's measurements mix in.</summary>
[Collection(ProcessWideListeners.Name)]
public sealed class RefreshTokenTelemetryTests
{
    [Fact]
    public async Task Requests_hits_misses_renewals_and_activities_are_recorded_with_the_refresh_token_grant()
    {
        var audience = $"https://telemetry-{Guid.NewGuid():N}.example.com";
        var measurements = new ConcurrentQueue<(string Instrument, Dictionary<string, object?> Tags)>();
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Auth0ClientGen")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
            measurements.Enqueue((instrument.Name, tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value))));
        meterListener.Start();
        var activities = new ConcurrentQueue<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Auth0ClientGen",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(activityListener);
        var fixture = new RefreshProviderFixture();

        await fixture.GetAsync(audience);
        await fixture.GetAsync(audience);
        await fixture.GetAsync(audience, force: true);

        int Count(string instrument) => measurements.Count(measurement =>
            measurement.Instrument == instrument
            && Equals(measurement.Tags.GetValueOrDefault("auth0.grant_type"), "refresh_token")
            && Equals(measurement.Tags.GetValueOrDefault("auth0.audience"), audience));
        Assert.Equal(2, Count("auth0clientgen.token.requests"));
        Assert.Equal(1, Count("auth0clientgen.token.cache.hits"));
        Assert.Equal(2, Count("auth0clientgen.token.cache.misses"));
        var renewal = Assert.Single(
            measurements, measurement => measurement.Instrument == "auth0clientgen.token.renewals");
        Assert.Equal("rejected", renewal.Tags["auth0.renewal_reason"]);
        Assert.Equal("refresh_token", renewal.Tags["auth0.grant_type"]);
        var ours = activities.Where(activity => Equals(activity.GetTagItem("auth0.audience"), audience)).ToList();
        Assert.Equal(2, ours.Count);
        Assert.All(ours, activity =>
        {
            Assert.Equal("Auth0ClientGen.AcquireToken", activity.OperationName);
            Assert.Equal("refresh_token", activity.GetTagItem("auth0.grant_type"));
        });
    }
}
