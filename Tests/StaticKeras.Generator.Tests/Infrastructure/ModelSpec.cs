using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Tests.Infrastructure;

/// <summary>
/// Builds a <see cref="ModelDeclaration"/> by hand, without source or Roslyn, to test inference and
/// the emitters on their own. Every location is a distinct dummy span.
/// </summary>
internal sealed class ModelSpec
{
    private readonly List<LayerDeclaration> _layers = [];
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly List<string> _compilerErrors = [];
    private readonly string _name;
    private string? _namespace = "Samples";
    private StaticKeras.Generator.Shapes.Shape? _input = TestShapes.Of(28, 28);
    private CompileDeclaration? _compile;
    private string _overrides = "protected";
    private bool _canGenerate = true;
    private int _nextSpan;

    private ModelSpec(string name) => _name = name;

    /// <summary>A model called <paramref name="name"/> with input (batch, 28, 28) and no layers.</summary>
    public static ModelSpec Sequential(string name = "Mlp") => new(name);

    /// <summary>A distinct dummy location.</summary>
    public SourceLocation NextLocation() => new("Spec.cs", new TextSpan(_nextSpan++ * 10, 5), default);

    /// <summary>Sets the input shape (ints, names, nulls); no arguments means (batch,); <see langword="null"/> means missing.</summary>
    public ModelSpec Input(params object?[]? dims)
    {
        _input = dims is null ? null : TestShapes.Of(dims);
        return this;
    }

    /// <summary>Sets the namespace.</summary>
    public ModelSpec Namespace(string? name)
    {
        _namespace = name;
        return this;
    }

    /// <summary>Adds Flatten().</summary>
    public ModelSpec Flatten(string name = "flatten") => Add(new FlattenDeclaration(name, name, NextLocation()));

    /// <summary>Adds Dense(units, activation, useBias).</summary>
    public ModelSpec Dense(string name, int units, ActivationKind activation = ActivationKind.Linear, bool useBias = true) =>
        Add(new DenseDeclaration(name, name, NextLocation(), units, activation, useBias));

    /// <summary>Adds Dropout(rate).</summary>
    public ModelSpec Dropout(string name, double rate) => Add(new DropoutDeclaration(name, name, NextLocation(), rate));

    /// <summary>Adds ActivationLayer(activation).</summary>
    public ModelSpec Activation(string name, ActivationKind activation) => Add(new ActivationDeclaration(name, name, NextLocation(), activation));

    /// <summary>Adds a layer the reader could not resolve, with the compiler error it left.</summary>
    public ModelSpec Unresolved(string name)
    {
        _compilerErrors.Add($"layer '{name}' does not compile");
        return Add(new UnresolvedDeclaration(name, name, NextLocation(), "Dense"));
    }

    /// <summary>Sets [Compile].</summary>
    public ModelSpec Compile(OptimizerKind optimizer, LossKind loss, bool fromLogits = false, double learningRate = 0, params MetricKind[] metrics)
    {
        _compile = new CompileDeclaration(optimizer, loss, metrics.ToEquatableArray(), fromLogits, learningRate, NextLocation(), fromLogits ? NextLocation() : null);
        return this;
    }

    /// <summary>Adds a diagnostic as if the reader had reported it.</summary>
    public ModelSpec Reported(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, params string[] arguments)
    {
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, NextLocation(), arguments));
        return this;
    }

    /// <summary>Marks the model as not generatable (e.g. not partial).</summary>
    public ModelSpec CannotGenerate()
    {
        _canGenerate = false;
        return this;
    }

    /// <summary>Writes overrides as <c>protected internal</c>.</summary>
    public ModelSpec FriendAssembly()
    {
        _overrides = "protected internal";
        return this;
    }

    /// <summary>The declaration.</summary>
    public ModelDeclaration Declaration()
    {
        var location = new SourceLocation("Spec.cs", new TextSpan(0, 3), default);
        return new(
            TypeIdentity.TopLevel(_namespace, _name),
            location,
            ModelKind.Sequential,
            _canGenerate,
            true,
            _overrides,
            _layers.ToEquatableArray(),
            _compile,
            EquatableArray<OutputCompileDeclaration>.Empty,
            _input is null || _layers.Count == 0 ? null : GraphDeclaration.Chain(_input, location, _layers),
            _diagnostics.ToEquatableArray(),
            _compilerErrors.ToEquatableArray());
    }

    /// <summary>The declaration after shape inference.</summary>
    public InferredModel Infer() => ShapeInference.Infer(Declaration(), default);

    /// <summary>Adds any layer declaration.</summary>
    public ModelSpec Add(LayerDeclaration layer)
    {
        _layers.Add(layer);
        return this;
    }
}
