namespace StaticKeras;

/// <summary>One output of a model with several outputs, as its <c>[Output]</c> attribute configured it.</summary>
/// <param name="Name">The output's name; its logs are <c>{Name}_loss</c> and <c>{Name}_{metric}</c>.</param>
/// <param name="Metrics">Metrics of this output besides its loss.</param>
public sealed record OutputSpec(string Name, Metric[] Metrics);
