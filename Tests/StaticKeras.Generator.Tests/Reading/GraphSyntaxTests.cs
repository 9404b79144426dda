using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Reading;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Reading;

/// <summary>
/// The syntax-first reading of a <c>[Graph]</c> method (<see cref="GraphSyntax"/>): where syntax
/// shows the body binds without errors, reading it by names gives the same graph and diagnostics as
/// reading the compiler's binding; anything syntax cannot decide is left to the compiler.
/// </summary>
public sealed class GraphSyntaxTests
{
    private const string Layers = """
        readonly Dense hidden = new(8, Activation.Relu);
        readonly Dense head = new(2);
        readonly Dropout drop = new(0.5);
        readonly Add add = new();
        readonly GlobalAveragePooling1D pool = new();
        """;

    [Theory]
    [InlineData("Tensor Call([Input(4)] Tensor x) => head.Call(hidden.Call(x));")]
    [InlineData("Tensor Call([Input(4)] Tensor x) { var h = hidden.Call(x); h = drop.Call(h); return this.head.Call(h); }")]
    [InlineData("Tensor Call([Input(4)] Tensor x) { var a = hidden.Call(x); var b = hidden.Call(x); return head.Call(add.Call(a, (b))); }")]
    [InlineData("(Tensor Cls, Tensor Value) Call([Input(4)] Tensor x, [Input(4)] Tensor y) { var h = hidden.Call(x); return (Cls: head.Call(h), head.Call(y)); }")]
    [InlineData("Tensor Call([Input(4)] Tensor x) { var h = hidden.Call(x); return x; }")]              // the input returned: STK0066 alike
    [InlineData("Tensor Call([Input(4)] Tensor x) => x;")]
    [InlineData("Tensor Call([Input(4)] Tensor x) => add.Call(x);")]                                      // params Tensor[], expanded
    [InlineData("Tensor Call([Input(\"time\", 4)] Tensor x) => pool.Call(x);")]                        // the most derived Call applies
    public void ReadsAsTheCompilerBindsIt(string method)
    {
        var (model, declaration, syntax, symbol, type, tensor) = Read(method);
        var outputs = symbol.ReturnType.IsTupleType ? ((INamedTypeSymbol)symbol.ReturnType).TupleElements.Select(e => (string?)(e.IsExplicitlyNamedTupleElement ? e.Name : null)).ToList() : [null];

        var named = GraphSyntax.TryScope(syntax, symbol, type, tensor, declaration.Layers, outputs.Count);

        Assert.NotNull(named);
        var inputs = symbol.Parameters.Select(p => new GraphInput(p.Name, TestShapes.Of(4), StaticKeras.Generator.Common.SourceLocation.From(syntax))).ToList();
        var byNames = new ReadContext();
        var graphByNames = new GraphBodyReader(named, type, symbol.Name, declaration.Layers, byNames, CancellationToken.None).Read(syntax, symbol.Parameters, inputs, outputs);
        var bound = new ReadContext();
        var graphBound = new GraphBodyReader(new GraphScope.Bound(model, CancellationToken.None), type, symbol.Name, declaration.Layers, bound, CancellationToken.None)
            .Read(syntax, symbol.Parameters, inputs, outputs);
        Assert.Equal(graphBound, graphByNames);
        Assert.Equal(bound.Diagnostics, byNames.Diagnostics);
    }

    [Theory]
    [InlineData("Tensor Call([Input(4)] Tensor x) { var hidden = x; return head.Call(hidden.Call(x)); }")]  // a local shadows a layer
    [InlineData("Tensor Call([Input(4)] Tensor x) { var h = hidden.Call(x); var h2 = h; Tensor t = h2; return head.Call(t); }")]  // a typed local
    [InlineData("Tensor Call([Input(4)] Tensor x) { x = hidden.Call(x); return head.Call(x); }")]     // an input reassigned
    [InlineData("Tensor Call([Input(4)] Tensor x) { var h = hidden.Call(y); return head.Call(h); }")]  // an unknown name
    [InlineData("Tensor Call([Input(4)] Tensor x) { var h = hidden.Call(x); var h = head.Call(x); return h; }")]  // declared twice
    [InlineData("Tensor Call([Input(4)] Tensor x) => drop.Call(x, true);")]                               // another argument than a tensor
    [InlineData("Tensor Call([Input(4)] Tensor x) => hidden.Call(x, x);")]                                // no Call takes two tensors
    [InlineData("Tensor Call([Input(4)] Tensor x) { if (x is null) return x; return head.Call(x); }")]   // another statement
    [InlineData("Tensor Call([Input(4)] Tensor x) => Helper(x); static Tensor Helper(Tensor t) => t;")]  // another call
    public void LeavesToTheCompilerWhatSyntaxCannotDecide(string method)
    {
        var (_, declaration, syntax, symbol, type, tensor) = Read(method);

        Assert.Null(GraphSyntax.TryScope(syntax, symbol, type, tensor, declaration.Layers, 1));
    }

    private static (SemanticModel Model, ModelDeclaration Declaration, MethodDeclarationSyntax Syntax, IMethodSymbol Symbol, INamedTypeSymbol Type, INamedTypeSymbol Tensor) Read(string method)
    {
        var text = "using StaticKeras;\nusing StaticKeras.Layers;\nusing static TorchSharp.torch;\n\nnamespace Reading;\n\n[Model]\npublic partial class Net\n{\n"
            + Layers + "\n\n    [Graph]\n    " + method + "\n}\n";
        var tree = CSharpSyntaxTree.ParseText(text, GeneratorRunner.ParseOptions, path: "Net.cs");
        var compilation = CSharpCompilation.Create(
            "Reading", [tree], References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var model = compilation.GetSemanticModel(tree);
        var classSyntax = tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Single();
        var type = model.GetDeclaredSymbol(classSyntax)!;
        var declaration = ModelReader.Read(classSyntax, type, model, ModelKind.Functional, CancellationToken.None);
        var syntax = classSyntax.Members.OfType<MethodDeclarationSyntax>().First();
        return (model, declaration, syntax, model.GetDeclaredSymbol(syntax)!, type, compilation.GetTypeByMetadataName("TorchSharp.torch+Tensor")!);
    }
}
