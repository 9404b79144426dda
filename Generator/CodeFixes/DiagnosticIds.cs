namespace StaticKeras.CodeFixes;

/// <summary>
/// The ids of the generator's diagnostics that have a code fix. The generator's catalogue
/// (DiagnosticDescriptors) is internal to an assembly the fixes must not depend on; a test checks
/// that these ids are in it and that their docs pages describe the fix.
/// </summary>
internal static class DiagnosticIds
{
    /// <summary>STK0001: the model class, or a type containing it, is not partial.</summary>
    public const string ModelNotPartial = "STK0001";

    /// <summary>STK0052: a [Layer] class the generator cannot add a part to.</summary>
    public const string InvalidCustomLayerClass = "STK0052";

    /// <summary>STK0054: a [Weight] on a member that is not a get-only partial Parameter property.</summary>
    public const string InvalidWeightProperty = "STK0054";
}
