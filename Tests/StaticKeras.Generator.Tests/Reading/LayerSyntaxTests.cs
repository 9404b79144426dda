using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StaticKeras.Generator.Reading;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Reading;

/// <summary>
/// The syntax-first reading of a layer's <c>new(...)</c> (<see cref="LayerSyntax"/>) gives exactly
/// what the compiler's bound operation gives (constructor, each argument's parameter, value, value
/// type and site), and leaves to the compiler whatever syntax cannot decide.
/// </summary>
public sealed class LayerSyntaxTests
{
    [Theory]
    [InlineData("readonly Dense a = new(10);")]
    [InlineData("readonly Dense a = new(10, Activation.Relu, useBias: false);")]
    [InlineData("readonly Dense a = new Dense(units: 3, activation: Activation.Softmax);")]
    [InlineData("Dense a { get; } = new(7, kernelInitializer: Initializer.HeNormal, kernelRegularizer: null);")]
    [InlineData("readonly Dropout a = new(0.25);")]
    [InlineData("readonly Dropout a = new(1);")]
    [InlineData("readonly Flatten a = new();")]
    [InlineData("readonly ActivationLayer a = new(Activation.Tanh);")]
    [InlineData("readonly Conv2D a = new(4, 3);")]
    [InlineData("readonly Conv2D a = new(4, (1, 3), strides: (2, 1), padding: Padding.Same);")]
    [InlineData("readonly Conv2D a = new(-4, (3, 3), dilationRate: 2);")]
    [InlineData("readonly MaxPooling1D a = new(poolSize: 3, strides: 1, padding: Padding.Same);")]
    [InlineData("readonly MaxPooling2D a = new();")]
    [InlineData("readonly ZeroPadding2D a = new((1, 2));")]
    [InlineData("readonly ZeroPadding2D a = new((0, 1), (2, 3));")]
    [InlineData("readonly ZeroPadding2D a = new((0, 1), (2, 3), DataFormat.ChannelsFirst);")]
    [InlineData("readonly ZeroPadding2D a = new(2, DataFormat.ChannelsFirst);")]
    [InlineData("readonly Cropping2D a = new((1, 0), (0, 2), DataFormat.ChannelsFirst);")]
    [InlineData("readonly Conv2D a = new(4, 3, dataFormat: DataFormat.ChannelsFirst);")]
    [InlineData("readonly AveragePooling1D a = new(3, 1, Padding.Same, DataFormat.ChannelsFirst);")]
    [InlineData("readonly Cropping2D a = new(1);")]
    [InlineData("readonly Flatten a = new(DataFormat.ChannelsFirst);")]
    [InlineData("readonly SpatialDropout2D a = new(0.2, DataFormat.ChannelsFirst);")]
    [InlineData("readonly Flatten a = new(dataFormat: DataFormat.ChannelsLast);")]
    [InlineData("readonly DepthwiseConv2D a = new(3, strides: 2, depthMultiplier: 2, dataFormat: DataFormat.ChannelsFirst);")]
    [InlineData("readonly SeparableConv2D a = new(4, (3, 2), Activation.Relu, dataFormat: DataFormat.ChannelsFirst);")]
    [InlineData("readonly Reshape a = new(3, 2, -1);")]
    [InlineData("readonly Reshape a = new([7, 7]);")]
    [InlineData("readonly Permute a = new([3, 1, 2]);")]
    [InlineData("readonly LayerNormalization a = new(axis: [-1, -2]);")]
    [InlineData("readonly Concatenate a = new(axis: -1);")]
    [InlineData("readonly Add a = new();")]
    [InlineData("readonly DepthwiseConv2D a = new(3, Activation.Relu, depthMultiplier: 2, padding: Padding.Same);")]
    [InlineData("readonly SeparableConv2D a = new(8, (3, 1), strides: 2, dilationRate: (1, 2), biasConstraint: null);")]
    [InlineData("readonly LSTM a = new(4, recurrentInitializer: Initializer.GlorotUniform, recurrentConstraint: null);")]
    public void ReadsAsTheCompilerBindsIt(string member)
    {
        var (reader, model, layer) = Read(member);

        var read = reader.TryRead(layer);

        Assert.NotNull(read);
        var bound = Bound(model, layer);
        Assert.Equal(bound.Constructor, read.Constructor, SymbolEqualityComparer.Default);
        Assert.Equal(Describe(bound.Arguments), Describe(read.Arguments));
    }

    [Theory]
    [InlineData("const int Units = 4; readonly Dense a = new(Units);")]                // a named constant
    [InlineData("readonly Dense a = new(2 + 2);")]                                       // an expression
    [InlineData("readonly Dense a = new(4L);")]                                          // a literal of another type
    [InlineData("readonly Dense a = new(4, StaticKeras.Activation.Relu);")]              // a qualified enum
    [InlineData("readonly Dense a = new(4, Activation.Relu); int Activation => 1;")]     // a member named like the enum
    [InlineData("readonly Dense a = new(4, kernelRegularizer: Regularizer.L2(0.1));")]   // a call
    [InlineData("readonly Dense a = new(4, kernelConstraint: Constraint.MaxNorm(3));")]    // a call
    [InlineData("readonly Dropout a = new(0.5, [null, 1, 4]);")]                        // an int?[] collection
    [InlineData("readonly Dropout a = new(0.5, [1, 1, 4]);")]                           // an int?[] collection
    [InlineData("readonly Dense a = new(4) { Trainable = false };")]                     // an object initializer
    [InlineData("readonly Dense a = new(4, Activation.Nope);")]                          // no such member: the compiler says so
    [InlineData("readonly Dense a = new(\"4\");")]                                       // no constructor takes it
    [InlineData("readonly Reshape a = new();")]                                          // an empty params list
    [InlineData("readonly Layer a = new Dense(4);")]                                     // another type than the member's
    [InlineData("readonly TimeDistributed a = new(new Dense(4));")]                      // a wrapped layer's creation
    [InlineData("readonly Bidirectional a = new(new LSTM(4), MergeMode.Sum);")]          // a wrapped layer's creation
    public void LeavesToTheCompilerWhatSyntaxCannotDecide(string member)
    {
        var (reader, _, layer) = Read(member);

        Assert.Null(reader.TryRead(layer));
    }

    private static (LayerSyntax Reader, SemanticModel Model, LayerMember Layer) Read(string members)
    {
        var text = "using StaticKeras;\nusing StaticKeras.Layers;\n\nnamespace Reading;\n\n[Sequential, Input(4)]\npublic partial class Model\n{\n    " + members + "\n}\n";
        var tree = CSharpSyntaxTree.ParseText(text, GeneratorRunner.ParseOptions, path: "Model.cs");
        var compilation = CSharpCompilation.Create(
            "Reading", [tree], References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var model = compilation.GetSemanticModel(tree);
        var syntax = tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Single();
        // The member named 'a' is the layer.
        var (identifier, typeSyntax, initializer, symbol) = syntax.Members
            .Select(m => m switch
            {
                FieldDeclarationSyntax field => (field.Declaration.Variables[0].Identifier, field.Declaration.Type, field.Declaration.Variables[0].Initializer?.Value,
                    model.GetDeclaredSymbol(field.Declaration.Variables[0]) is IFieldSymbol f ? f.Type : null),
                PropertyDeclarationSyntax property => (property.Identifier, property.Type, property.Initializer?.Value, model.GetDeclaredSymbol(property)?.Type),
                _ => default,
            })
            .Single(m => m.Identifier.ValueText == "a");
        return (new LayerSyntax(model, model.GetDeclaredSymbol(syntax)!, CancellationToken.None), model, new LayerMember(identifier, symbol!, typeSyntax!, initializer, IsStatic: false));
    }

    private static LayerCreation Bound(SemanticModel model, LayerMember layer)
    {
        var operation = model.GetOperation(layer.Initializer!);
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        var creation = Assert.IsAssignableFrom<IObjectCreationOperation>(operation);
        return LayerCreation.From(creation, creation.Type!);
    }

    // Each argument as a line, in parameter order: what the layer readers see of it.
    private static List<string> Describe(IEnumerable<LayerArgument> arguments) => arguments
        .OrderBy(a => a.Parameter!.Ordinal)
        .Select(a => $"{a.Parameter!.Name}: default {a.IsDefault}, constant {a.IsConstant}, {Value(a.Value)}, at {a.Site.Span}")
        .ToList();

    private static string Value(object? value) => value switch
    {
        null => "null",
        int[] items => "int[] {" + string.Join(", ", items) + "}",
        _ => value.GetType().Name + " " + System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
