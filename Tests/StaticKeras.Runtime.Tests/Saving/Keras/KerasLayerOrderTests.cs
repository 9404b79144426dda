using System.Linq;
using StaticKeras.Saving.Keras;
using Xunit;

namespace StaticKeras.Runtime.Tests.Saving.Keras;

/// <summary>
/// KerasLayerOrder against the orders Keras 3.16 itself gives (<c>[l.name for l in model.layers]</c>
/// of the same graphs built in Keras, numpy backend; layers named as the members here).
/// </summary>
public class KerasLayerOrderTests
{
    private static string[] Order(ModelGraph graph) => KerasLayerOrder.Of(graph).Select(e => e.Layer).ToArray();

    [Fact]
    public void ASharedLayerTakesTheDepthOfItsEarliestCall()
    {
        // x -> s -> t -> s -> o
        var graph = new ModelGraph(["x"], [new("s", [0]), new("t", [1]), new("s", [2]), new("o", [3])], [4]);

        Assert.Equal(["x", "s", "t", "o"], Order(graph));
    }

    [Fact]
    public void LayersSortByDepthThenByTheWalkFromTheOutputs()
    {
        // x -> p1 -> o1; x -> q1 -> q2 -> q3 -> o2; outputs (o1, o2). Declared in that order, but a
        // longer branch puts its layers first.
        var graph = new ModelGraph(["x"],
            [new("p1", [0]), new("o1", [1]), new("q1", [0]), new("q2", [3]), new("q3", [4]), new("o2", [5])], [2, 6]);

        Assert.Equal(["x", "q1", "q2", "p1", "q3", "o1", "o2"], Order(graph));
    }

    [Fact]
    public void InputsSortAmongLayersAndAnUnusedInputComesAtDepthZero()
    {
        // inputs x, y (unused), z; a = Dense(x); m = Add(a, a, z); o = Dense(m)
        var graph = new ModelGraph(["x", "y", "z"], [new("a", [0]), new("m", [3, 3, 2]), new("o", [4])], [5]);

        var order = KerasLayerOrder.Of(graph);

        Assert.Equal(["x", "a", "z", "m", "y", "o"], order.Select(e => e.Layer));
        Assert.Equal([0, -1, 2, -1, 1, -1], order.Select(e => e.Input));
    }
}
