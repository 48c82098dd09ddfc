using System;
using Auth0ClientGen.Generator.Helpers;

namespace Auth0ClientGen.Generator.Tests;

/// <summary>
/// The writer appends interpolated lines piece by piece and reuses its thread's builder; neither may change the text.
/// </summary>
public class SourceWriterTests
{
    [Fact]
    public void Interpolated_lines_are_indented_as_plain_ones_and_an_empty_line_gets_no_indentation()
    {
        var name = "Answer";
        var empty = string.Empty;
        using var writer = new SourceWriter();
        writer.WriteLine($"class {name}");
        writer.OpenBlock();
        writer.WriteLine($"{empty}");
        writer.WriteLine($"int {name}() => {42};");
        writer.CloseBlock(";");

        Assert.Equal("class Answer\n{\n\n    int Answer() => 42;\n};\n", writer.ToString());
    }

    [Fact]
    public void A_writer_opened_while_another_is_open_writes_its_own_text()
    {
        using var outer = new SourceWriter();
        outer.WriteLine("outer");
        using (var inner = new SourceWriter())
        {
            inner.WriteLine("inner");
            Assert.Equal("inner\n", inner.ToString());
        }

        outer.WriteLine("still outer");
        Assert.Equal("outer\nstill outer\n", outer.ToString());
    }

    [Fact]
    public void A_writer_after_one_that_failed_starts_empty_and_unindented()
    {
        Assert.Throws<InvalidOperationException>(WriteHalfAFileAndFail);

        using var writer = new SourceWriter();
        writer.WriteLine("line");
        Assert.Equal("line\n", writer.ToString());

        static void WriteHalfAFileAndFail()
        {
            using var failing = new SourceWriter();
            failing.OpenBlock();
            failing.WriteLine("half a file");
            throw new InvalidOperationException();
        }
    }
}
