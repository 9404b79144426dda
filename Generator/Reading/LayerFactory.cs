using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Reading;

/// <summary>Turns a <c>new(...)</c> of a layer into its declaration, checking its constant arguments.</summary>
internal static class LayerFactory
{
    /// <summary>
    /// The declaration of the layer <paramref name="creation"/> builds; an <see cref="UnresolvedDeclaration"/>
    /// when an argument is wrong (reported); <see langword="null"/> when the type is not a layer the generator knows.
    /// </summary>
    public static LayerDeclaration? Create(LayerCreation creation, string name, string identifier, SourceLocation location, ReadContext context)
    {
        var unresolved = new UnresolvedDeclaration(name, identifier, location, creation.Type.Name);
        switch (KnownTypes.FullName(creation.Type))
        {
            case KnownTypes.Flatten:
            {
                var arguments = new LayerArguments(creation, "Flatten", name, context);
                var format = arguments.Choice<DataFormatKind>("dataFormat");
                return arguments.IsValid && format is { } f ? new FlattenDeclaration(name, identifier, location, f) : unresolved;
            }

            case KnownTypes.Dense:
            {
                var arguments = new LayerArguments(creation, "Dense", name, context);
                var units = arguments.Int("units");
                var activation = arguments.Activation("activation");
                var useBias = arguments.Bool("useBias");
                if (units is { } u)
                {
                    arguments.Require(DenseRule.IsValidUnits(u), "units", "a positive int", Formatting.Number(u));
                }

                return arguments.IsValid && units is { } n && activation is { } a && useBias is { } b
                    ? new DenseDeclaration(name, identifier, location, n, a, b)
                    : unresolved;
            }

            case KnownTypes.Dropout:
            {
                var arguments = new LayerArguments(creation, "Dropout", name, context);
                var rate = arguments.Double("rate");
                var noiseShape = arguments.NullableInts("noiseShape", []);
                if (rate is { } r)
                {
                    arguments.Require(DropoutRule.IsValidRate(r), "rate", "in [0, 1]", Formatting.Double(r));
                }

                if (noiseShape is not null)
                {
                    // Keras' _validate_noise_shape: "Expected all dimensions to be positive integers or None".
                    arguments.Require(
                        noiseShape.All(n => n is null or > 0), "noiseShape", "positive sizes or null (Keras)",
                        "[" + string.Join(", ", noiseShape.Select(n => n is { } v ? Formatting.Number(v) : "null")) + "]");
                }

                return arguments.IsValid && rate is { } valid && noiseShape is not null
                    ? new DropoutDeclaration(name, identifier, location, valid, noiseShape.Select(n => n ?? 0).ToEquatableArray(), arguments.Sites)
                    : unresolved;
            }

            case KnownTypes.ActivationLayer:
            {
                var arguments = new LayerArguments(creation, "ActivationLayer", name, context);
                var activation = arguments.Activation("activation");
                return arguments.IsValid && activation is { } a ? new ActivationDeclaration(name, identifier, location, a) : unresolved;
            }

            case var merge when MergeLayerReader.IsMerge(merge):
                return MergeLayerReader.Read(creation, creation.Type.Name, name, identifier, location, context);

            default:
                // Custom layers and models used as layers are read from the bound creation only (LayerSyntax leaves them to it).
                return RuleLayerFactory.Create(creation, name, identifier, location, context)
                    ?? (creation.Operation is { } operation
                        ? Custom.CustomLayerUse.Read(operation, name, identifier, location, context) ?? NestedModelReader.Read(operation, name, identifier, location, context)
                        : null);
        }
    }
}
