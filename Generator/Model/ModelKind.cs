namespace StaticKeras.Generator.Model;

/// <summary>Which attribute declared a model. Both kinds are read into the same graph and go through the same steps.</summary>
internal enum ModelKind
{
    /// <summary><c>[Sequential]</c>: an <c>[Input]</c> and layer members, called in declaration order (a chain graph).</summary>
    Sequential,

    /// <summary><c>[Model]</c>: layer members and a <c>[Graph]</c> method that calls them.</summary>
    Functional,
}
