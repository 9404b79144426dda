using TorchSharp;

namespace StaticKeras;

/// <summary>What one training or test step of a model with several outputs produced.</summary>
/// <param name="Loss">The scalar total loss: the sum of each output's loss times its loss weight.</param>
/// <param name="OutputLosses">Each output's scalar loss, unweighted, in output order.</param>
/// <param name="Predictions">Each output for the batch (probabilities where it ends in softmax), in output order.</param>
public readonly record struct MultiStepOutput(torch.Tensor Loss, torch.Tensor[] OutputLosses, torch.Tensor[] Predictions);
