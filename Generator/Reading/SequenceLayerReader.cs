using StaticKeras.Generator.Common;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Reading;

/// <summary>Reads <c>Embedding</c>, <c>SimpleRNN</c>, <c>LSTM</c> and <c>GRU</c> arguments (STK0004, STK0010).</summary>
internal static class SequenceLayerReader
{
    /// <summary>The declaration, or null when an argument is wrong (reported).</summary>
    public static LayerDeclaration? Read(LayerCreation creation, string type, string name, string identifier, SourceLocation location, ReadContext context)
    {
        var arguments = new LayerArguments(creation, type, name, context);
        if (type == "Embedding")
        {
            var inputDim = arguments.Int("inputDim");
            var outputDim = arguments.Int("outputDim");
            var maskZero = arguments.Bool("maskZero");
            if (inputDim is not { } i || outputDim is not { } o || maskZero is not { } zero)
            {
                return null;
            }

            arguments.Require(i > 0, "inputDim", "a positive int", Formatting.Number(i));
            arguments.Require(o > 0, "outputDim", "a positive int", Formatting.Number(o));
            return arguments.IsValid ? new EmbeddingDeclaration(name, identifier, location, arguments.Sites, i, o, zero) : null;
        }

        var units = arguments.Int("units");
        var activation = arguments.Activation("activation");
        var recurrent = type == "SimpleRNN" ? ActivationKind.Sigmoid : arguments.Activation("recurrentActivation");
        var useBias = arguments.Bool("useBias");
        var returnSequences = arguments.Bool("returnSequences");
        var resetAfter = type == "GRU" ? arguments.Bool("resetAfter") : true;
        if (units is not { } u || activation is null || recurrent is null || useBias is not { } b || returnSequences is not { } r || resetAfter is not { } after)
        {
            return null;
        }

        arguments.Require(u > 0, "units", "a positive int", Formatting.Number(u));
        var kind = type switch { "LSTM" => RecurrentKind.LSTM, "GRU" => RecurrentKind.GRU, _ => RecurrentKind.SimpleRNN };
        return arguments.IsValid ? new RecurrentDeclaration(name, identifier, location, arguments.Sites, kind, u, b, r, after, activation.Value, recurrent.Value) : null;
    }
}
