using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Auth0ClientGen.Internal;

namespace Auth0ClientGen.Runtime.Tests;

/// <summary>
/// The probe recognises a body that is the JSON literal <c>null</c> with whitespace around it, at any length and
/// however the body arrives in pieces, and nothing else.
/// </summary>
public sealed class BodyProbeStreamTests
{
    [Theory]
    [InlineData("null", true)]
    [InlineData(" \t\r\nnull\r\n\t ", true)]
    [InlineData("null                                                                                    ", true)]
    [InlineData("                                                                                    null", true)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("nul", false)]
    [InlineData("nulll", false)]
    [InlineData("nu ll", false)]
    [InlineData("null x", false)]
    [InlineData("null null", false)]
    [InlineData("Null", false)]
    [InlineData("\"null\"", false)]
    [InlineData("{\"a\":null}", false)]
    [InlineData("0", false)]
    public async Task A_body_is_null_only_when_it_is_the_literal_with_whitespace_around_it(string body, bool expected)
    {
        foreach (var pieceLength in new[] { 1, 3, 4096 })
        {
            var probe = new BodyProbeStream(new MemoryStream(Encoding.UTF8.GetBytes(body)));
            var buffer = new byte[pieceLength];
            while (await probe.ReadAsync(buffer.AsMemory()) > 0)
            {
            }

            Assert.Equal(expected, probe.WasJsonNull);
            Assert.Equal(body.Length, probe.BytesRead);
        }
    }

    [Fact]
    public void Reading_with_the_synchronous_overloads_notes_the_same()
    {
        var probe = new BodyProbeStream(new MemoryStream(Encoding.UTF8.GetBytes("  null  ")));
        var buffer = new byte[3];

        Assert.Equal(3, probe.Read(buffer, 0, 3));
        Assert.Equal(3, probe.Read(buffer.AsSpan()));
        Assert.Equal(2, probe.Read(buffer, 0, 3));
        Assert.Equal(0, probe.Read(buffer.AsSpan()));
        Assert.True(probe.WasJsonNull);
    }
}
