using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Model;

/// <summary><c>SimpleRNN</c>, <c>LSTM</c> or <c>GRU</c>.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="Sites">Where its explicit arguments are written.</param>
/// <param name="Kind">Which recurrent layer.</param>
/// <param name="Units">The state size.</param>
/// <param name="UseBias">Whether there is a bias.</param>
/// <param name="ReturnSequences">Whether every step's output is returned.</param>
/// <param name="ResetAfter">GRU's reset_after (bias (2, 3u)); true for the others.</param>
internal sealed record RecurrentDeclaration(
    string Name, string Identifier, SourceLocation Location, EquatableArray<ArgumentSite> Sites, RecurrentKind Kind, int Units, bool UseBias,
    bool ReturnSequences, bool ResetAfter)
    : RuleLayerDeclaration(Name, Identifier, Location, Sites)
{
    /// <inheritdoc/>
    public override string TypeName => Kind.ToString();

    /// <inheritdoc/>
    public override MaskRule Mask => ReturnSequences ? MaskRule.ConsumesAndPropagates : MaskRule.Consumes;

    /// <inheritdoc/>
    public override ShapeResult Apply(Shape input) => RecurrentRule.Apply(input, Kind, Units, UseBias, ReturnSequences, ResetAfter);
}
