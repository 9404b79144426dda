using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// Reads <c>TimeDistributed(layer)</c> and <c>Bidirectional(layer, mergeMode, backwardLayer)</c>: each
/// wrapped layer is a <c>new(...)</c> written in the argument, read as a layer of its own (its argument
/// errors reported at its arguments) and named after the member (<c>td.layer</c>, <c>bi.forward_layer</c>).
/// A wrapped layer given any other way, a custom layer, or one with a regularizer (not carried through a
/// wrapper yet) is STK0010 at the argument.
/// </summary>
internal static class WrapperLayerReader
{
    /// <summary>Whether <paramref name="parameter"/> takes a wrapped layer (its argument is a <c>new(...)</c>, not a constant).</summary>
    public static bool IsWrappedLayer(IParameterSymbol? parameter) =>
        parameter is { Name: "layer" or "backwardLayer", ContainingSymbol: IMethodSymbol { ContainingType: { Name: "TimeDistributed" or "Bidirectional" } type } }
        && KnownTypes.FullName(type) is "StaticKeras.Layers.TimeDistributed" or "StaticKeras.Layers.Bidirectional";

    /// <summary>The declaration, or null when an argument is wrong (reported).</summary>
    public static LayerDeclaration? Read(LayerCreation creation, string type, string name, string identifier, SourceLocation location, ReadContext context)
    {
        var arguments = new LayerArguments(creation, type, name, context);
        if (type == "TimeDistributed")
        {
            var layer = Wrapped(creation, "layer", name + ".layer", identifier, arguments, context);
            if (layer is CustomLayerDeclaration or NestedModelDeclaration)
            {
                arguments.Require(false, "layer", "a built-in layer (custom layers are not wrapped yet)", layer.TypeName);
            }

            return arguments.IsValid && layer is not null and not UnresolvedDeclaration
                ? new TimeDistributedDeclaration(name, identifier, location, arguments.Sites, layer)
                : null;
        }

        var mergeMode = arguments.Choice<MergeModeKind>("mergeMode");
        var forward = Wrapped(creation, "layer", name + ".forward_layer", identifier, arguments, context);
        var backward = Wrapped(creation, "backwardLayer", name + ".backward_layer", identifier, arguments, context);
        if (forward is RecurrentDeclaration f && backward is RecurrentDeclaration b)
        {
            // Keras' _verify_layer_config; a merge other than concat adds or multiplies the two outputs.
            arguments.Require(b.ReturnSequences == f.ReturnSequences, "backwardLayer", $"returnSequences: {Bool(f.ReturnSequences)}, as the forward layer's (Keras)",
                "returnSequences: " + Bool(b.ReturnSequences));
            arguments.Require(mergeMode is not (MergeModeKind.Sum or MergeModeKind.Mul or MergeModeKind.Ave) || b.Units == f.Units, "backwardLayer",
                $"{Formatting.Number(f.Units)} units, as the forward layer's, for merge mode {mergeMode}", Formatting.Number(b.Units) + " units");
        }

        return arguments.IsValid && mergeMode is { } mode && forward is RecurrentDeclaration layerRead && backward is null or RecurrentDeclaration
            ? new BidirectionalDeclaration(name, identifier, location, arguments.Sites, layerRead, mode, backward as RecurrentDeclaration)
            : null;
    }

    // The layer the argument for `parameter` creates; null when the argument is not given or null (backwardLayer),
    // an UnresolvedDeclaration when it is wrong (reported).
    private static LayerDeclaration? Wrapped(LayerCreation creation, string parameter, string name, string identifier, LayerArguments arguments, ReadContext context)
    {
        var argument = creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter);
        if (argument is null || argument.IsDefault || (argument.IsConstant && argument.Value is null))
        {
            return null;
        }

        var value = argument.Operation?.Value;
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        var unresolved = new UnresolvedDeclaration(name, identifier, argument.Site, parameter);
        if (value is not IObjectCreationOperation { Type: { } created } operation)
        {
            arguments.Require(false, parameter, "a new layer created in the argument (new Dense(...))", value?.Syntax.ToString() ?? argument.Syntax.ToString());
            return unresolved;
        }

        var wrappedCreation = LayerCreation.From(operation, created);
        var layer = LayerFactory.Create(wrappedCreation, name, identifier, SourceLocation.From(operation.Syntax), context);
        if (layer is null)
        {
            arguments.Require(false, parameter, "a layer the generator knows", created.Name);
            return unresolved;
        }

        if (layer is UnresolvedDeclaration)
        {
            return layer;
        }

        // A regularizer inside a wrapper would not reach the loss: the generated step adds the members' penalties.
        foreach (var regularized in wrappedCreation.Arguments.Where(a => RegularizerReader.IsRegularizer(a.Parameter) && !a.IsDefault && !(a.IsConstant && a.Value is null)))
        {
            var inner = new LayerArguments(wrappedCreation, created.Name, name, context);
            inner.Require(false, regularized.Parameter!.Name, $"no regularizer inside {creation.Type.Name} (not supported yet)", regularized.Syntax.ToString());
            return new UnresolvedDeclaration(name, identifier, argument.Site, created.Name);
        }

        return ConstraintReader.Apply(wrappedCreation, layer, context);
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
