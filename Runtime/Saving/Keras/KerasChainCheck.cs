using System;
using System.Linq;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras.Saving.Keras;

/// <summary>
/// Makes sure a model is a chain of its layers in declaration order before it is described to Keras
/// as a <c>Sequential</c> model: a probe batch through the layers one after the other must give what
/// the model's own forward pass gives. A branching functional graph (merges, shared layers, another
/// call order) fails here rather than being written as a different model.
/// </summary>
internal static class KerasChainCheck
{
    /// <exception cref="NotSupportedException">The model is not such a chain.</exception>
    /// <param name="model">The model.</param>
    /// <param name="purpose">What needs the chain, for the message: <c>written as a Keras Sequential model</c>.</param>
    public static void EnsureChain(Model model, string purpose = "written as a Keras Sequential model")
    {
        var input = model.KerasInputs.Single();
        var layers = model.KerasLayers().ToList();
        var wasTraining = model.training;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.eval();
        try
        {
            var shape = new long[] { 2 }.Concat(input.Dimensions.Select(d => d >= 0 ? d : 3)).ToArray();
            var x = layers.FirstOrDefault().Layer is Embedding embedding
                ? randint(0, embedding.InputDim, shape).to_type(ScalarType.Float32)
                : rand(shape);
            var expected = model.Call(x);
            var chained = x;
            foreach (var (member, layer) in layers)
            {
                chained = layer is Layer single
                    ? single.Call(chained)
                    : throw NotAChain(model, purpose, $"layer '{member}' ({layer.GetType().Name}) takes several inputs");
            }

            if (!chained.shape.SequenceEqual(expected.shape) || !chained.allclose(expected, rtol: 1e-5, atol: 1e-6))
            {
                throw NotAChain(model, purpose, "its forward pass does not call its layers one after the other in declaration order");
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw NotAChain(model, purpose, e.Message);
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    private static NotSupportedException NotAChain(Model model, string purpose, string why) =>
        new($"Model '{model.GetName()}' cannot be {purpose}: {why}. " +
            "Branching functional graphs need the generator's graph description, which this version does not emit yet; " +
            "SaveWeights(\"x.weights.h5\") writes its weights for a Keras model built the same way.");
}
