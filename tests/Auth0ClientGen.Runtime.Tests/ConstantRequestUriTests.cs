using System;
using Auth0ClientGen.Infrastructure;

namespace Auth0ClientGen.Runtime.Tests;

public sealed class ConstantRequestUriTests
{
    [Fact]
    public void The_address_is_built_once_for_a_base_address_and_then_reused()
    {
        var route = new ConstantRequestUri("/items/current");
        var baseAddress = new Uri("https://api.example.com/v2/");

        var first = route.Resolve(baseAddress);

        Assert.Equal("https://api.example.com/v2/items/current", first.AbsoluteUri);
        Assert.Same(first, route.Resolve(baseAddress));
        Assert.Same(first, route.Resolve(new Uri("https://api.example.com/v2/")));
    }

    [Fact]
    public void Another_base_address_gets_its_own_address()
    {
        var route = new ConstantRequestUri("/items?active=true");

        var first = route.Resolve(new Uri("https://one.example.com/"));
        var second = route.Resolve(new Uri("https://two.example.com/api"));
        var firstAgain = route.Resolve(new Uri("https://one.example.com/"));

        Assert.Equal("https://one.example.com/items?active=true", first.AbsoluteUri);
        Assert.Equal("https://two.example.com/api/items?active=true", second.AbsoluteUri);
        Assert.Equal(first, firstAgain);
    }

    [Theory]
    [InlineData("https://api.example.com/v2?tenant=private")]
    [InlineData("https://admin:private@api.example.com/v2/")]
    public void A_base_address_the_builder_refuses_is_refused_on_every_call(string refused)
    {
        var route = new ConstantRequestUri("/users");
        route.Resolve(new Uri("https://api.example.com/v2/"));

        Assert.Throws<InvalidOperationException>(() => route.Resolve(new Uri(refused)));
        Assert.Throws<InvalidOperationException>(() => route.Resolve(new Uri(refused)));
        Assert.Equal(
            "https://api.example.com/v2/users",
            route.Resolve(new Uri("https://api.example.com/v2/")).AbsoluteUri);
    }
}
