using System;

namespace Samples.Serving;

/// <summary>The service cannot start: no weights file, or one that does not fit the model. The message says what to do.</summary>
public sealed class ServingSetupException(string message, Exception? inner = null) : Exception(message, inner)
{
}
