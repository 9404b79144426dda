using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Optimizers;
using TorchSharp.Modules;

namespace StaticKeras;

public abstract partial class Model
{
    private KerasOptimizer? _optimizer;

    /// <summary>
    /// The optimizer training uses (Keras' <c>model.optimizer</c>): the one <see cref="Compile"/>
    /// set, or else the <c>[Compile]</c> attribute's, created on first use with Keras' defaults.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model has no <c>[Compile]</c> attribute and <see cref="Compile"/> was not called.</exception>
    public KerasOptimizer CompiledOptimizer => _optimizer ??= CreateOptimizer();

    /// <summary>
    /// Replaces the optimizer at run time (Keras' <c>model.compile(optimizer=...)</c>); the loss and
    /// metrics stay those of <c>[Compile]</c>, which the generated training step is built for.
    /// </summary>
    /// <param name="optimizer">
    /// The optimizer, built here for the model's trainable parameters if it is not built yet; or
    /// <see langword="null"/> for a fresh one from <c>[Compile]</c> (its state, such as Adam's moments, reset).
    /// </param>
    /// <example><code>model.Compile(new Sgd(learningRate: 0.1, momentum: 0.9));</code></example>
    /// <exception cref="ArgumentException">A built optimizer updates parameters that are not this model's.</exception>
    public void Compile(KerasOptimizer? optimizer = null)
    {
        if (optimizer is null)
        {
            _optimizer = CreateOptimizer();
            return;
        }

        if (!optimizer.IsBuilt)
        {
            BuildForTrainableParameters(optimizer);
        }
        else
        {
            var own = new HashSet<Parameter>(parameters(), ReferenceEqualityComparer.Instance);
            var foreign = optimizer.Parameters.Count(p => !own.Contains(p));
            if (foreign > 0)
            {
                throw new ArgumentException(
                    $"The {optimizer.GetType().Name} was built for {foreign} parameter(s) that are not {Info.Name}'s; " +
                    "pass an unbuilt optimizer and Compile builds it for this model.", nameof(optimizer));
            }
        }

        _optimizer = optimizer;
    }

    /// <summary>
    /// Rebuilds the optimizer's flat weight and gradient buffers (see <see cref="KerasOptimizer.Build"/>)
    /// for the model's current trainable parameters, keeping its state. Whatever replaces the model's
    /// <see cref="Parameter"/> objects must call it afterwards: TorchSharp's <c>Module.to(device)</c> and
    /// <c>to(dtype)</c> create new parameters, which no longer live in the optimizer's buffers.
    /// Does nothing when no optimizer has been built yet.
    /// </summary>
    internal void RebindOptimizer()
    {
        if (_optimizer is { IsBuilt: true } optimizer)
        {
            optimizer.Rebind(TrainableParameters());
        }
    }

    /// <summary>The optimizer if one has been created and built, without creating one (for saving its state).</summary>
    internal KerasOptimizer? BuiltOptimizer => _optimizer is { IsBuilt: true } optimizer ? optimizer : null;

    /// <summary>Whether the model has, or can create, an optimizer: <see cref="Compile"/> was called or it has <c>[Compile]</c>.</summary>
    internal bool HasOptimizer => _optimizer is not null || Info.Compile is not null;

    private KerasOptimizer CreateOptimizer()
    {
        var compile = Info.Compile ?? throw new InvalidOperationException(
            $"{Info.Name} has no optimizer: it has no [Compile] attribute. Add one, e.g. " +
            "[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy)], or call Compile(optimizer).");
        var optimizer = OptimizerFactory.Create(compile.Optimizer, compile.LearningRate, compile.Options);
        BuildForTrainableParameters(optimizer);
        return optimizer;
    }

    // The weights' state_dict names go along, for the optimizer's ExcludeFromWeightDecay patterns.
    private void BuildForTrainableParameters(KerasOptimizer optimizer)
    {
        var named = named_parameters().Where(p => p.parameter.requires_grad).ToList();
        optimizer.Build(named.Select(p => p.parameter), named.Select(p => p.name).ToList());
    }

    private IEnumerable<Parameter> TrainableParameters() => parameters().Where(p => p.requires_grad);

    private CompileInfo RequireCompile(string operation) => Info.Compile ?? throw new InvalidOperationException(
        $"{operation} needs a loss, but {Info.Name} has no [Compile] attribute. Add one, e.g. " +
        "[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])].");
}
