using System;
using System.Collections.Generic;
using StaticKeras.Callbacks.Formatting;
using Xunit;

namespace StaticKeras.Runtime.Tests.Callbacks.Formatting;

/// <summary>str.format(**values) as Keras fills checkpoint paths (expected strings from CPython).</summary>
public class PythonTemplateTests
{
    private static readonly Dictionary<string, object> s_values = new() { ["epoch"] = 3L, ["val_loss"] = 0.25612 };

    [Theory]
    [InlineData("{epoch:02d}-{val_loss:.2f}.keras", "03-0.26.keras")]
    [InlineData("a{{b}}c{epoch}", "a{b}c3")]
    [InlineData("{epoch!r}", "3")]
    [InlineData("{val_loss}", "0.25612")]
    [InlineData("plain.safetensors", "plain.safetensors")]
    public void FillsFieldsLikeStrFormat(string template, string expected) =>
        Assert.Equal(expected, PythonTemplate.Format(template, s_values));

    [Fact]
    public void MissingNameIsAKeyErrorQuotingIt() =>
        Assert.Equal("'x'", Assert.Throws<KeyNotFoundException>(() => PythonTemplate.Format("{x}", s_values)).Message);

    [Theory]
    [InlineData("x}", "Single '}' encountered in format string")]
    [InlineData("x{", "Single '{' encountered in format string")]
    [InlineData("{}", "Replacement index 0 out of range for positional args tuple")]
    [InlineData("{0}", "Replacement index 0 out of range for positional args tuple")]
    [InlineData("{epoch:02d", "unmatched '{' in format spec")]
    [InlineData("{epoch", "expected '}' before end of string")]
    public void MalformedTemplatesUsePythonsWording(string template, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => PythonTemplate.Format(template, s_values)).Message);
}
