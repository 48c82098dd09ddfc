using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace Auth0ClientGen.Generator.Helpers;

/// <summary>
/// Writes C# source line by line and keeps track of indentation. An interpolated string passed to
/// <see cref="WriteLine(ref Text)"/> or <see cref="Write(ref Text)"/> is appended piece by piece, without
/// becoming a string of its own first. Dispose the writer to let the next one reuse its buffer.
/// </summary>
internal sealed class SourceWriter : IDisposable
{
    private const int IndentWidth = 4;

    // Bigger than most clients, so a fresh builder rarely grows.
    private const int InitialCapacity = 16 * 1024;

    // A buffer an unusually large file grew is let go rather than held for the life of the thread.
    private const int MaxReusedCapacity = 128 * 1024;

    // Files are written one after another on each thread, so one builder per thread serves them all and only the
    // finished text is allocated. A writer takes the builder and gives it back, cleared, when disposed: a writer
    // opened while another is still open on the thread gets a new builder instead of sharing one, and a writer that
    // is never disposed only costs the next one a new builder.
    [ThreadStatic]
    private static StringBuilder? s_reusedBuilder;

    private StringBuilder _builder;
    private int _indentation;

    // Whether the line being written has its indentation yet; an empty line gets none.
    private bool _lineStarted;

    public SourceWriter()
    {
        _builder = s_reusedBuilder ?? new StringBuilder(InitialCapacity);
        s_reusedBuilder = null;
    }

    public void WriteLine(string line)
    {
        Write(line);
        WriteLine();
    }

    public void WriteLine([InterpolatedStringHandlerArgument("")] ref Text line) => WriteLine();

    public void WriteLine()
    {
        _builder.Append('\n');
        _lineStarted = false;
    }

    /// <summary>Appends to the line being written, indenting it first if it is new.</summary>
    public void Write(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        StartLine();
        _builder.Append(text);
    }

    public void Write(char c)
    {
        StartLine();
        _builder.Append(c);
    }

    public void Write([InterpolatedStringHandlerArgument("")] ref Text text)
    {
        // The handler has already written the pieces.
    }

    public void OpenBlock()
    {
        WriteLine("{");
        _indentation++;
    }

    public void CloseBlock(string suffix = "")
    {
        _indentation--;
        Write('}');
        WriteLine(suffix);
    }

    public IndentScope Indent()
    {
        _indentation++;
        return new IndentScope(this);
    }

    public override string ToString() => _builder.ToString();

    /// <summary>A fragment's text on its own, for the rare caller that needs it as a string.</summary>
    public static string Render<T>(T fragment)
        where T : ISourceFragment
    {
        using var writer = new SourceWriter();
        fragment.WriteTo(writer);
        return writer.ToString();
    }

    public void Dispose()
    {
        if (_builder is null)
        {
            return;
        }

        if (_builder.Capacity <= MaxReusedCapacity)
        {
            _builder.Clear();
            s_reusedBuilder = _builder;
        }

        // The builder may now belong to another writer; this one is not used again.
        _builder = null!;
    }

    private void StartLine()
    {
        if (!_lineStarted)
        {
            _builder.Append(' ', _indentation * IndentWidth);
            _lineStarted = true;
        }
    }

    /// <summary>Appends an interpolated string's pieces to the writer as the compiler hands them over.</summary>
    [InterpolatedStringHandler]
    public readonly ref struct Text
    {
        private readonly SourceWriter _writer;

        public Text(int literalLength, int formattedCount, SourceWriter writer) => _writer = writer;

        public void AppendLiteral(string value) => _writer.Write(value);

        public void AppendFormatted(string? value) => _writer.Write(value);

        public void AppendFormatted(int value)
        {
            _writer.StartLine();
            _writer._builder.Append(value);
        }

        /// <summary>Code that writes itself, such as a literal or an expression, so it never becomes a string.</summary>
        public void AppendFormatted<T>(T value)
            where T : ISourceFragment
            => value.WriteTo(_writer);
    }

    /// <summary>Ends an <see cref="Indent"/>; a struct, so a using block allocates nothing.</summary>
    public readonly struct IndentScope(SourceWriter writer) : IDisposable
    {
        public void Dispose() => writer._indentation--;
    }
}

/// <summary>
/// A piece of code that writes itself into a <see cref="SourceWriter"/>. Implementations override ToString with
/// <see cref="SourceWriter.Render"/>, so one that ends up in an ordinary interpolated string still reads right.
/// </summary>
internal interface ISourceFragment
{
    void WriteTo(SourceWriter writer);
}
