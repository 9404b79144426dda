namespace StaticKeras.Generator.Model;

/// <summary>One <c>[Output(name, loss, ...)]</c> attribute: how one output of a functional model is trained.</summary>
/// <param name="Name">The output's name.</param>
/// <param name="Compile">Its loss, metrics and <c>FromLogits</c>, with the model's optimizer, in the form the single-output checks and emitters read.</param>
/// <param name="LossWeight">Its weight in the total loss.</param>
/// <param name="Location">The name argument, where a name that matches no output is reported.</param>
internal sealed record OutputCompileDeclaration(string Name, CompileDeclaration Compile, double LossWeight, Common.SourceLocation Location);
