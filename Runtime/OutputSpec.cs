namespace StaticKeras;

/// <summary>One output of a model trained per output, as its <c>[Output]</c> attribute configured it.</summary>
/// <param name="Name">The output's name; its logs are <c>{Name}_loss</c> and <c>{Name}_{metric}</c>.</param>
/// <param name="Shape">The output's static shape, batch excluded: what its targets are checked against.</param>
/// <param name="Loss">The output's loss, which decides the form of its targets.</param>
/// <param name="Metrics">Metrics of this output besides its loss.</param>
public sealed record OutputSpec(string Name, TensorSpec Shape, Loss Loss, Metric[] Metrics);
