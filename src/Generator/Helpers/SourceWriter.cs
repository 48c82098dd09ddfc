using System;
using System.Text;

namespace Auth0ClientGen.Generator.Helpers;

/// <summary>Writes C# source line by line and keeps track of indentation.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new(capacity: 4096);
    private int _indentation;

    public void WriteLine(string line)
    {
        if (line.Length == 0)
        {
            _builder.Append('\n');
            return;
        }

        for (var i = 0; i < _indentation; i++)
        {
            _builder.Append(IndentUnit);
        }

        _builder.Append(line).Append('\n');
    }

    public void WriteLine() => _builder.Append('\n');

    public void OpenBlock()
    {
        WriteLine("{");
        _indentation++;
    }

    public void CloseBlock(string suffix = "")
    {
        _indentation--;
        WriteLine("}" + suffix);
    }

    public IDisposable Indent()
    {
        _indentation++;
        return new IndentScope(this);
    }

    public override string ToString() => _builder.ToString();

    private sealed class IndentScope(SourceWriter writer) : IDisposable
    {
        public void Dispose() => writer._indentation--;
    }
}
