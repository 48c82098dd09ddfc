using Microsoft.CodeAnalysis.Text;

namespace Auth0ClientGen.Generator.Tests;

/// <summary>Finds the one span marked with [| and |] in test source, and removes the markers.</summary>
internal static class TestMarkup
{
    public static (string Source, TextSpan Span) Parse(string marked)
    {
        var start = marked.IndexOf("[|", System.StringComparison.Ordinal);
        var end = marked.IndexOf("|]", System.StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The test source needs one [| |] span.");
        var source = marked.Remove(end, 2).Remove(start, 2);
        return (source, new TextSpan(start, end - start - 2));
    }
}
