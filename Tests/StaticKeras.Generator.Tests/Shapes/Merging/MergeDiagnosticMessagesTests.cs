using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Shapes.Merging;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Shapes.Merging;

/// <summary>The merge rules' rejections read, through their descriptors, as the docs pages show them.</summary>
public sealed class MergeDiagnosticMessagesTests
{
    // The generator formats a rejection as the layer's type and member name, then the rule's arguments.
    private static string Message(string typeName, string name, ShapeResult result)
    {
        var rejection = result.Error!.Rejection!;
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.Find(rejection.Id);
        return string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture),
            new object[] { typeName, name }.Concat(rejection.Arguments).ToArray());
    }

    [Fact]
    public void Stk1020()
    {
        var result = ElementwiseMergeRule.Apply([TestShapes.Of(26, 26, 32), TestShapes.Of(28, 28, 1)]);
        Assert.Equal("Add 'add': shapes (batch, 26, 26, 32) and (batch, 28, 28, 1) differ in axes 1, 2; sizes must be equal or 1", Message("Add", "add", result));
    }

    [Fact]
    public void Stk1021()
    {
        var result = ConcatenateRule.Apply([TestShapes.Of(10, 16), TestShapes.Of(10, 16)], 3);
        Assert.Equal(
            "Concatenate 'concat': axis 3 must name a non-batch axis of inputs of rank 3 (batch included), found (batch, 10, 16)",
            Message("Concatenate", "concat", result));
    }

    [Fact]
    public void Stk1022()
    {
        var sizes = ConcatenateRule.Apply([TestShapes.Of(28, 28, 3), TestShapes.Of(14, 14, 8)]);
        Assert.Equal(
            "Concatenate 'concat': shapes (batch, 28, 28, 3) and (batch, 14, 14, 8) must match except on the concatenation axis -1, found different sizes in axes 1, 2",
            Message("Concatenate", "concat", sizes));
        var ranks = ConcatenateRule.Apply([TestShapes.Of(28, 3), TestShapes.Of(28, 28, 3)]);
        Assert.Equal(
            "Concatenate 'concat': shapes (batch, 28, 3) and (batch, 28, 28, 3) must match except on the concatenation axis -1, found different ranks 3 and 4",
            Message("Concatenate", "concat", ranks));
    }

    [Fact]
    public void Stk1023()
    {
        var result = ElementwiseMergeRule.Apply([TestShapes.Of(8), TestShapes.Of(8), TestShapes.Of(8)], MergeArity.ExactlyTwo);
        Assert.Equal("Subtract 'diff' needs exactly 2 inputs, found 3", Message("Subtract", "diff", result));
    }
}
