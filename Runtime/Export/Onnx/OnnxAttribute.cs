using System.Collections.Generic;

namespace StaticKeras.Export.Onnx;

/// <summary>A node attribute (<c>AttributeProto</c>): an int, a float, a string, or a list of ints or strings.</summary>
internal sealed class OnnxAttribute
{
    private readonly string _name;
    private readonly int _type;
    private readonly long _int;
    private readonly float _float;
    private readonly string? _string;
    private readonly IReadOnlyList<long>? _ints;
    private readonly IReadOnlyList<string>? _strings;

    private OnnxAttribute(string name, int type, long i = 0, float f = 0, string? s = null, IReadOnlyList<long>? ints = null, IReadOnlyList<string>? strings = null) =>
        (_name, _type, _int, _float, _string, _ints, _strings) = (name, type, i, f, s, ints, strings);

    /// <summary>An INT attribute.</summary>
    public static OnnxAttribute Int(string name, long value) => new(name, 2, i: value);

    /// <summary>A FLOAT attribute.</summary>
    public static OnnxAttribute Float(string name, float value) => new(name, 1, f: value);

    /// <summary>A STRING attribute.</summary>
    public static OnnxAttribute String(string name, string value) => new(name, 3, s: value);

    /// <summary>An INTS attribute.</summary>
    public static OnnxAttribute Ints(string name, params long[] values) => new(name, 7, ints: values);

    /// <summary>A STRINGS attribute.</summary>
    public static OnnxAttribute Strings(string name, params string[] values) => new(name, 8, strings: values);

    /// <summary>The encoded <c>AttributeProto</c>.</summary>
    public ProtoWriter Encode()
    {
        var proto = new ProtoWriter().String(1, _name);
        switch (_type)
        {
            case 1:
                proto.Float(2, _float);
                break;
            case 2:
                proto.Int(3, _int);
                break;
            case 3:
                proto.String(4, _string!);
                break;
            case 8:
                foreach (var value in _strings!)
                {
                    proto.String(9, value);
                }

                break;
            default:
                foreach (var value in _ints!)
                {
                    proto.Int(8, value);
                }

                break;
        }

        return proto.Int(20, _type);
    }
}
