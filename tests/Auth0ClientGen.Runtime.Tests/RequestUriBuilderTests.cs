using System;
using Auth0ClientGen.Infrastructure;

namespace Auth0ClientGen.Runtime.Tests;

public sealed class RequestUriBuilderTests
{
    [Fact]
    public void Builders_in_use_at_once_on_one_thread_do_not_share_a_buffer()
    {
        // The thread keeps one buffer for the next builder; a second builder started before the first finishes
        // must get another, and a builder dropped unfinished must not leave the next one without.
        var baseAddress = new Uri("https://api.example.com/v2/");
        _ = new RequestUriBuilder(baseAddress).ToUri();
        _ = new RequestUriBuilder(baseAddress).AppendLiteral("/dropped");
        var first = new RequestUriBuilder(baseAddress).AppendLiteral("/orders/");
        var second = new RequestUriBuilder(baseAddress).AppendLiteral("/users/");
        first.AppendPathValue("a b", "id");
        second.AppendPathValue(42, "id");
        var third = new RequestUriBuilder(baseAddress).AppendLiteral("/long/").AppendPathValue(new string('x', 1000), "id");

        Assert.Equal("https://api.example.com/v2/orders/a%20b", first.ToUri().OriginalString);
        Assert.Equal("https://api.example.com/v2/users/42", second.ToUri().OriginalString);
        Assert.Equal("https://api.example.com/v2/long/" + new string('x', 1000), third.ToUri().OriginalString);
        Assert.Equal(
            "https://api.example.com/v2/again?q=1",
            new RequestUriBuilder(baseAddress).AppendLiteral("/again").AppendQuery("q", "1").ToUri().OriginalString);
    }

    [Theory]
    [InlineData("https://api.example.com/v2?tenant=private", "a query string")]
    [InlineData("https://api.example.com/v2/?", "a query string")]
    [InlineData("https://api.example.com/v2/#private", "a fragment")]
    [InlineData("https://admin:private@api.example.com/v2/", "user information")]
    [InlineData("https://private@api.example.com/", "user information")]
    [InlineData(
        "https://admin:private@api.example.com/v2/?private#private",
        "a query string, a fragment and user information")]
    public void A_base_address_with_more_than_scheme_host_and_path_is_refused(string baseAddress, string parts)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => new RequestUriBuilder(new Uri(baseAddress)));

        Assert.Contains($"has {parts}, which cannot be combined with a route", exception.Message);
        Assert.Contains("Auth0:BaseUrl", exception.Message);
        Assert.Contains("https://api.example.com/", exception.Message);
        Assert.DoesNotContain("private", exception.Message);
    }

    [Fact]
    public void A_refused_base_address_stays_refused_after_others_were_accepted()
    {
        // The builder remembers the base address it accepted last; that must never let a refused one through.
        var accepted = new Uri("https://api.example.com/v2/");
        var refused = new Uri("https://api.example.com/v2/?tenant=private");

        for (var i = 0; i < 2; i++)
        {
            var address = new RequestUriBuilder(accepted).AppendLiteral("/users").ToUri();

            Assert.Equal("https://api.example.com/v2/users", address.AbsoluteUri);
            Assert.Throws<InvalidOperationException>(() => new RequestUriBuilder(refused));
            Assert.Throws<InvalidOperationException>(() => new RequestUriBuilder(refused));
        }
    }

    [Theory]
    [InlineData("https://api.example.com/@me/", "https://api.example.com/@me/users")]
    [InlineData("https://api.example.com/a%3Fb/", "https://api.example.com/a%3Fb/users")]
    [InlineData("https://api.example.com/a%23b", "https://api.example.com/a%23b/users")]
    [InlineData("http://[::1]:5000/", "http://[::1]:5000/users")]
    public void A_base_address_with_those_characters_only_in_its_path_is_kept(string baseAddress, string expected)
    {
        var address = new RequestUriBuilder(new Uri(baseAddress)).AppendLiteral("/users").ToUri();

        Assert.Equal(expected, address.AbsoluteUri);
    }

    [Fact]
    public void A_name_escaped_by_the_generator_is_written_as_it_is_and_any_other_name_is_escaped()
    {
        var address = new RequestUriBuilder(new Uri("https://api.example.com/"))
            .AppendLiteral("/items")
            .AppendQueryWithEscapedName("filter%5Bname%5D", "a b")
            .AppendQuery("filter[name]", "c&d")
            .AppendQueryWithEscapedName("skipped", null)
            .AppendQueryWithEscapedName("page", "2")
            .ToUri();

        Assert.Equal(
            "https://api.example.com/items?filter%5Bname%5D=a%20b&filter%5Bname%5D=c%26d&page=2",
            address.OriginalString);
    }

    [Fact]
    public void A_number_is_written_as_its_invariant_text_would_be()
    {
        // The overloads for values that format themselves must give exactly the address the string overloads give.
        var numbers = new (ISpanFormattable Value, Func<RequestUriBuilder, RequestUriBuilder> Append)[]
        {
            (-42, builder => builder.AppendPathValue(-42, "id").AppendQueryWithEscapedName("n", -42)),
            (long.MinValue, builder => builder.AppendPathValue(long.MinValue, "id").AppendQueryWithEscapedName("n", long.MinValue)),
            (ulong.MaxValue, builder => builder.AppendPathValue(ulong.MaxValue, "id").AppendQueryWithEscapedName("n", ulong.MaxValue)),
            (1.5e-300, builder => builder.AppendPathValue(1.5e-300, "id").AppendQueryWithEscapedName("n", 1.5e-300)),
            (double.NaN, builder => builder.AppendPathValue(double.NaN, "id").AppendQueryWithEscapedName("n", double.NaN)),
            (float.NegativeInfinity, builder => builder.AppendPathValue(float.NegativeInfinity, "id").AppendQueryWithEscapedName("n", float.NegativeInfinity)),
            (decimal.MinValue, builder => builder.AppendPathValue(decimal.MinValue, "id").AppendQueryWithEscapedName("n", decimal.MinValue)),
            (1234567.891m, builder => builder.AppendPathValue(1234567.891m, "id").AppendQueryWithEscapedName("n", 1234567.891m)),
        };
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            // A culture with other separators and signs must not leak into the address.
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fr-FR");
            foreach (var (value, append) in numbers)
            {
                var text = value.ToString(null, System.Globalization.CultureInfo.InvariantCulture);
                var expected = Start().AppendPathValue(text, "id").AppendQueryWithEscapedName("n", text).ToUri();

                Assert.Equal(expected.AbsoluteUri, append(Start()).ToUri().AbsoluteUri);
            }
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }

        static RequestUriBuilder Start() => new RequestUriBuilder(new Uri("https://api.example.com/")).AppendLiteral("/items/");
    }

    [Fact]
    public void A_value_that_formats_itself_is_escaped_and_refused_as_a_string_would_be()
    {
        var escaped = new RequestUriBuilder(new Uri("https://api.example.com/"))
            .AppendLiteral("/items/")
            .AppendPathValue(new Formatted("a/b?c"), "id")
            .AppendQueryWithEscapedName("q", new Formatted("x&y=z"))
            .ToUri();
        var refused = Assert.Throws<ArgumentException>(() => new RequestUriBuilder(new Uri("https://api.example.com/"))
            .AppendLiteral("/items/")
            .AppendPathValue(new Formatted(".."), "id"));
        var tooLong = new string('7', 100);
        var written = new RequestUriBuilder(new Uri("https://api.example.com/")).AppendLiteral("/").AppendPathValue(new Formatted(tooLong), "id").ToUri();

        Assert.Equal("https://api.example.com/items/a%2Fb%3Fc?q=x%26y%3Dz", escaped.AbsoluteUri);
        Assert.Equal("id", refused.ParamName);
        Assert.Contains("\"..\"", refused.Message);
        Assert.Equal("https://api.example.com/" + tooLong, written.AbsoluteUri);
    }

    /// <summary>A value whose text is given, to reach the escaping and the checks through the formatting overloads.</summary>
    private readonly struct Formatted(string text) : ISpanFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) => text;

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            charsWritten = text.Length <= destination.Length ? text.Length : 0;
            return text.AsSpan().TryCopyTo(destination);
        }
    }
}
