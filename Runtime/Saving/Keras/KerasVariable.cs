namespace StaticKeras.Saving.Keras;

/// <summary>One weight of a model as Keras stores it.</summary>
/// <param name="Index">The variable's position in its layer (Keras' <c>vars/&lt;i&gt;</c>).</param>
/// <param name="KerasName">Keras' variable name: <c>kernel</c>, <c>bias</c>, <c>moving_mean</c>, ...</param>
/// <param name="StateKey">The model's <c>state_dict</c> key: <c>hidden.kernel</c>.</param>
/// <param name="Shape">The shape, in Keras' layout (which is StaticKeras' layout).</param>
internal sealed record KerasVariable(int Index, string KerasName, string StateKey, long[] Shape);
