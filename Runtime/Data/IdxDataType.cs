namespace StaticKeras.Data;

/// <summary>The element types of the IDX format (the third byte of an IDX file's magic number).</summary>
public enum IdxDataType : byte
{
    /// <summary>0x08: unsigned byte (images and labels of MNIST and Fashion-MNIST).</summary>
    UnsignedByte = 0x08,

    /// <summary>0x09: signed byte.</summary>
    SignedByte = 0x09,

    /// <summary>0x0B: 16-bit integer, big-endian.</summary>
    Int16 = 0x0B,

    /// <summary>0x0C: 32-bit integer, big-endian.</summary>
    Int32 = 0x0C,

    /// <summary>0x0D: 32-bit float, big-endian.</summary>
    Float32 = 0x0D,

    /// <summary>0x0E: 64-bit float, big-endian.</summary>
    Float64 = 0x0E,
}
