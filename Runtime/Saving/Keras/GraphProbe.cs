using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras.Saving.Keras;

/// <summary>
/// Runs a model's graph call by call on a probe batch, in inference mode: the shape of every value
/// (for Keras' <c>config.json</c>), and a check that the graph gives what the model's own forward
/// pass gives (so a model described as a chain really is one).
/// </summary>
internal static class GraphProbe
{
    /// <summary>Each value's shape with the batch as <c>-1</c>, and <c>-1</c> for sizes that follow an unknown input size.</summary>
    /// <exception cref="NotSupportedException">The graph does not reproduce the model's forward pass; the message says why.</exception>
    public static List<long[]> Shapes(Model model, ModelGraph graph, string purpose)
    {
        var small = Run(model, graph, 3, purpose);
        var large = Run(model, graph, 4, purpose);
        return small.Zip(large, (a, b) => a.Select((d, i) => i == 0 || d != b[i] ? -1 : d).ToArray()).ToList();
    }

    private static List<long[]> Run(Model model, ModelGraph graph, long unknown, string purpose)
    {
        var inputs = model.KerasInputs;
        var layers = model.named_children().ToDictionary(c => c.name, c => c.module);
        var wasTraining = model.training;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.eval();
        try
        {
            // Values are the inputs, then each call's output; a value read by an Embedding gets ids.
            var values = new List<Tensor>();
            for (var i = 0; i < inputs.Count; i++)
            {
                var shape = new long[] { 2 }.Concat(inputs[i].Dimensions.Select(d => d >= 0 ? d : unknown)).ToArray();
                var reader = graph.Calls.FirstOrDefault(c => c.Inputs.Contains(i))?.Layer ?? "";
                // Ids from 1 when 0 is padding: a mask would make the forward pass differ from the chain.
                values.Add(layers.GetValueOrDefault(reader) is Embedding embedding
                    ? randint(embedding.MaskZero ? 1 : 0, embedding.InputDim, shape).to_type(ScalarType.Float32)
                    : rand(shape));
            }

            foreach (var call in graph.Calls)
            {
                var arguments = call.Inputs.Select(i => values[i]).ToArray();
                values.Add(layers[call.Layer] switch
                {
                    Layer single when arguments.Length == 1 => single.Call(arguments[0]),
                    MergeLayer merge => merge.Call(arguments),
                    Model nested when arguments.Length == 1 => nested.Call(arguments[0]),
                    MultiInputLayer multi when arguments.Length == 2 => multi.Call(arguments[0], arguments[1]),
                    MultiInputLayer multi when arguments.Length == 3 => multi.Call(arguments[0], arguments[1], arguments[2], training: false),
                    var other => throw NotAChain(model, purpose, $"layer '{call.Layer}' ({other.GetType().Name}) takes several inputs"),
                });
            }

            // A model with several inputs or outputs is functional: its graph is the one the
            // generator wrote its forward pass from. One input and output: the graph (or chain)
            // must give what the forward pass gives.
            if (inputs.Count == 1 && graph.Outputs.Count == 1)
            {
                var expected = model.Call(values[0]);
                var produced = values[graph.Outputs[0]];
                if (!produced.shape.SequenceEqual(expected.shape) || !produced.allclose(expected, rtol: 1e-5, atol: 1e-6))
                {
                    throw NotAChain(model, purpose, "its forward pass does not call its layers one after the other in declaration order");
                }
            }

            return values.Select(v => v.shape).ToList();
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
            "SaveWeights(\"x.weights.h5\") writes its weights for a Keras model built the same way.");
}
