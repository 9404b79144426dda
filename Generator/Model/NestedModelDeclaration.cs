using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary>
/// A model used as a layer inside a functional model (Keras: calling a model on a tensor): a member
/// initialized with <c>new Encoder()</c> where <c>Encoder</c> is a <c>[Sequential]</c> or
/// <c>[Model]</c> class. What the outer model needs of it was inferred from its own declaration.
/// </summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The member's initializer.</param>
/// <param name="ClassName">The model class's name, as the summary shows it.</param>
/// <param name="Input">The inner model's input shape.</param>
/// <param name="Output">The inner model's output shape.</param>
/// <param name="Trainable">Its trainable parameter count.</param>
/// <param name="NonTrainable">Its non-trainable parameter count (moving statistics).</param>
/// <param name="Activation">The activation its output ends with.</param>
/// <param name="OnnxProblem">Why its first layer without an ONNX form has none (<c>layer 'custom' (MyLayer): ...</c>); <see langword="null"/> when every layer has one.</param>
internal sealed record NestedModelDeclaration(
    string Name, string Identifier, SourceLocation Location, string ClassName, Shape Input, Shape Output, long Trainable, long NonTrainable, ActivationKind Activation,
    string? OnnxProblem = null)
    : LayerDeclaration(Name, Identifier, Location)
{
    /// <inheritdoc/>
    public override string TypeName => ClassName;

    /// <inheritdoc/>
    public override ActivationKind OutputActivation => Activation;
}
