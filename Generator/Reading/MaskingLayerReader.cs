using StaticKeras.Generator.Common;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Reading;

/// <summary>Reads <c>Masking(maskValue)</c> (STK0004 for a non-constant value).</summary>
internal static class MaskingLayerReader
{
    /// <summary>The declaration, or null when an argument is wrong (reported).</summary>
    public static LayerDeclaration? Read(LayerCreation creation, string type, string name, string identifier, SourceLocation location, ReadContext context)
    {
        var arguments = new LayerArguments(creation, type, name, context);
        var maskValue = arguments.Double("maskValue");
        return maskValue is { } value && arguments.IsValid ? new MaskingDeclaration(name, identifier, location, arguments.Sites, value) : null;
    }
}
