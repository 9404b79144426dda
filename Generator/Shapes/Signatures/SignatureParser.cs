using System.Collections.Generic;
using System.Globalization;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes.Signatures;

/// <summary>
/// Parses a shape signature: dimensions separated by commas, each <c>...</c> or an expression of
/// names, positive integers, <c>+ - * /</c> and parentheses. An empty signature is a shape with no
/// dimensions besides the batch.
/// </summary>
internal sealed class SignatureParser
{
    private readonly string _text;
    private int _position;

    private SignatureParser(string text) => _text = text;

    /// <summary>The parsed signature, or the first error in it.</summary>
    public static (ShapeSignature? Signature, SignatureError? Error) Parse(string text)
    {
        var parser = new SignatureParser(text);
        try
        {
            return (parser.ParseSignature(), null);
        }
        catch (SignatureSyntaxException exception)
        {
            return (null, exception.Error);
        }
    }

    private ShapeSignature ParseSignature()
    {
        var dims = new List<DimExpr>();
        SkipSpaces();
        if (_position < _text.Length)
        {
            do
            {
                SkipSpaces();
                dims.Add(ParseDim(dims));
                SkipSpaces();
            }
            while (Accept(','));

            if (_position < _text.Length)
            {
                throw Error(_position, 1, $"expected ',' or the end, found '{_text[_position]}'");
            }
        }

        return new ShapeSignature(_text, dims.ToEquatableArray());
    }

    private DimExpr ParseDim(List<DimExpr> previous)
    {
        if (string.CompareOrdinal(_text, _position, "...", 0, 3) == 0)
        {
            var start = _position;
            _position += 3;
            if (previous.Exists(d => d is DimEllipsis))
            {
                throw Error(start, 3, "'...' may appear only once");
            }

            return new DimEllipsis(start, 3);
        }

        return ParseSum();
    }

    private DimExpr ParseSum()
    {
        var left = ParseProduct();
        while (SkipSpaces() && Peek() is '+' or '-')
        {
            var op = _text[_position++];
            var right = ParseProduct();
            left = new DimBinary(op, left, right, left.Start, right.Start + right.Length - left.Start);
        }

        return left;
    }

    private DimExpr ParseProduct()
    {
        var left = ParseAtom();
        while (SkipSpaces() && Peek() is '*' or '/')
        {
            var op = _text[_position++];
            var right = ParseAtom();
            left = new DimBinary(op, left, right, left.Start, right.Start + right.Length - left.Start);
        }

        return left;
    }

    private DimExpr ParseAtom()
    {
        SkipSpaces();
        var start = _position;
        var c = Peek();
        if (c == '(')
        {
            _position++;
            var inner = ParseSum();
            SkipSpaces();
            if (!Accept(')'))
            {
                throw Expected("')'");
            }

            return inner with { Start = start, Length = _position - start };
        }

        if (c is >= '0' and <= '9')
        {
            while (Peek() is >= '0' and <= '9')
            {
                _position++;
            }

            var digits = _text.Substring(start, _position - start);
            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value == 0)
            {
                throw Error(start, digits.Length, $"a size must be a positive integer, found {digits}");
            }

            return new DimLiteral(value, start, digits.Length);
        }

        if (c is { } letter && (char.IsLetter(letter) || letter == '_'))
        {
            while (Peek() is { } next && (char.IsLetterOrDigit(next) || next == '_'))
            {
                _position++;
            }

            return new DimName(_text.Substring(start, _position - start), start, _position - start);
        }

        throw Expected("a name, a positive integer, '...' or '('");
    }

    private SignatureSyntaxException Expected(string what) => _position < _text.Length
        ? Error(_position, 1, $"expected {what}, found '{_text[_position]}'")
        : Error(_position, 0, $"expected {what}, found the end");

    private static SignatureSyntaxException Error(int start, int length, string message) => new(new SignatureError(start, length, message));

    private char? Peek() => _position < _text.Length ? _text[_position] : null;

    private bool Accept(char c)
    {
        if (Peek() != c)
        {
            return false;
        }

        _position++;
        return true;
    }

    // Always true, so it can lead a loop condition.
    private bool SkipSpaces()
    {
        while (Peek() is ' ' or '\t')
        {
            _position++;
        }

        return true;
    }

    private sealed class SignatureSyntaxException(SignatureError error) : System.Exception(error.Message)
    {
        public SignatureError Error { get; } = error;
    }
}
