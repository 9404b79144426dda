using System;
using System.Linq;
using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Shapes.Merging;
using StaticKeras.Layers;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Generator.Tests.Shapes.Merging;

/// <summary>The generator's merge rules and the runtime's merge layers accept the same shapes and give the same outputs.</summary>
public sealed class MergeRuntimeAgreementTests
{
    private const long Batch = 2;

    public static TheoryData<string, int, long[][], string?> Cases => new()
    {
        // type, axis, input shapes (batch excluded), the rule's diagnostic or null
        { "Add", -1, [[26, 26, 32], [26, 26, 32]], null },
        { "Add", -1, [[4, 1], [1, 5], [5]], null },
        { "Subtract", -1, [[3, 4, 5], [5]], null },
        { "Multiply", -1, [[6], [2, 3, 1]], null },
        { "Average", -1, [[1], [3, 1], [2, 1, 4]], null },
        { "Maximum", -1, [[4, 5], [4, 5], [1, 5]], null },
        { "Minimum", -1, [[26, 26, 32], [28, 28, 1]], "STK1020" },
        { "Add", -1, [[3, 4, 5], [6]], "STK1020" },
        { "Subtract", -1, [[5], [5], [5]], "STK1023" },
        { "Maximum", -1, [[5]], null },
        { "Subtract", -1, [[5]], "STK1023" },
        { "Concatenate", -1, [[3, 4], [3, 2], [3, 1]], null },
        { "Concatenate", 1, [[2, 5], [3, 5]], null },
        { "Concatenate", -2, [[2, 5], [3, 5]], null },
        { "Concatenate", 3, [[10, 16], [10, 16]], "STK1021" },
        { "Concatenate", -3, [[10], [10]], "STK1021" },
        { "Concatenate", -1, [[28, 3], [28, 28, 3]], "STK1022" },
        { "Concatenate", -1, [[4, 5], [1, 5]], "STK1022" },
        { "Concatenate", -1, [[4]], null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void RuleAndRuntimeAgree(string typeName, int axis, long[][] shapes, string? diagnostic)
    {
        var result = MergeRules.Apply(typeName, shapes.Select(s => Shape.Of(s)).ToArray(), axis);
        using var scope = NewDisposeScope();
        var inputs = shapes.Select(s => randn([Batch, .. s])).ToArray();
        var layer = Create(typeName, axis);
        Assert.Equal(typeName, layer.GetName());
        if (diagnostic is null)
        {
            Assert.Null(result.Error);
            Assert.Equal([Batch, .. result.Output!.Dims.Select(d => d.Size)], layer.Call(inputs).shape);
        }
        else
        {
            Assert.Equal(diagnostic, result.Error?.Rejection?.Id);
            Assert.Throws<ArgumentException>(() => layer.Call(inputs));
        }
    }

    private static MergeLayer Create(string typeName, int axis) => typeName switch
    {
        "Add" => new Add(),
        "Subtract" => new Subtract(),
        "Multiply" => new Multiply(),
        "Average" => new Average(),
        "Maximum" => new Maximum(),
        "Minimum" => new Minimum(),
        "Concatenate" => new Concatenate(axis),
        _ => throw new ArgumentException(typeName, nameof(typeName)),
    };
}
