namespace StaticKeras.Platform;

/// <summary>What <see cref="OneDnnConvolutionCheck.EnsureChecked"/> found and did.</summary>
internal enum OneDnnCheckOutcome
{
    /// <summary>Not yet run in this process.</summary>
    NotRun,

    /// <summary>oneDNN's float32 convolutions matched float64: libtorch keeps using them.</summary>
    Verified,

    /// <summary>oneDNN's float32 convolutions were wrong: switched off, ATen's own kernels run instead.</summary>
    SwitchedOff,

    /// <summary>STATICKERAS_ONEDNN=on: oneDNN kept without a check.</summary>
    TrustedByUser,

    /// <summary>STATICKERAS_ONEDNN=off: oneDNN switched off without a check.</summary>
    OffByUser,
}
