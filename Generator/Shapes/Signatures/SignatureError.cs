namespace StaticKeras.Generator.Shapes.Signatures;

/// <summary>Why a signature is malformed, and which characters of it are wrong.</summary>
/// <param name="Start">The offset of the culprit in the signature.</param>
/// <param name="Length">Its length (at least 1 inside the text; 0 at its end).</param>
/// <param name="Message">What was expected and what was found.</param>
internal sealed record SignatureError(int Start, int Length, string Message);
