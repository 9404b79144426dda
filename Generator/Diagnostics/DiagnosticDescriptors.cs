using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace StaticKeras.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Ids: STK0xxx declarations, STK1xxx shapes, STK2xxx
/// training configuration, STK9xxx the generator's own failures. Each id has a page under
/// docs/diagnostics/ and a line in AnalyzerReleases.Unshipped.md.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Declaration = "StaticKeras.Declaration";
    private const string Shapes = "StaticKeras.Shapes";
    private const string Training = "StaticKeras.Training";
    private const string Generator = "StaticKeras.Generator";

    /// <summary>STK0001: the model class, or a type containing it, is not partial.</summary>
    public static readonly DiagnosticDescriptor NotPartial = Error(
        "STK0001", Declaration, "Model class must be partial",
        "'{0}' must be partial so the generator can add the model's members, found '{1}'");

    /// <summary>STK0002: a [Sequential] class without [Input].</summary>
    public static readonly DiagnosticDescriptor MissingInput = Error(
        "STK0002", Declaration, "Sequential model needs [Input]",
        "Sequential model '{0}' needs an [Input(...)] attribute with its input shape without the batch dimension, e.g. [Input(28, 28)], found none");

    /// <summary>STK0003: the model is not a class deriving from object or StaticKeras.Model.</summary>
    public static readonly DiagnosticDescriptor InvalidModelType = Error(
        "STK0003", Declaration, "Model must be a class deriving from object or StaticKeras.Model",
        "Model '{0}' must be a non-static class deriving from object or StaticKeras.Model, found {1}");

    /// <summary>STK0004: a layer argument that is not a compile-time constant.</summary>
    public static readonly DiagnosticDescriptor NonConstantArgument = Error(
        "STK0004", Declaration, "Layer argument must be a constant",
        "Argument '{0}' of {1} '{2}' must be a compile-time constant so shapes can be checked at build time, found '{3}'");

    /// <summary>STK0005: a layer member whose type the generator does not know.</summary>
    public static readonly DiagnosticDescriptor UnsupportedLayer = Error(
        "STK0005", Declaration, "Layer type not supported in a Sequential model",
        "Layer '{0}' has type {1}, which [Sequential] models do not support; expected one of " + SupportedLayers.List);

    /// <summary>STK0006: a layer member that is not an instance member initialized with new(...).</summary>
    public static readonly DiagnosticDescriptor LayerNotCreated = Error(
        "STK0006", Declaration, "Layer must be created by its initializer",
        "Layer '{0}' must be an instance field or property initialized with new(...), found {1}");

    /// <summary>STK0007: a [Sequential] class without layers.</summary>
    public static readonly DiagnosticDescriptor NoLayers = Error(
        "STK0007", Declaration, "Sequential model has no layers",
        "Sequential model '{0}' needs at least one layer (a field or get-only property initialized with a StaticKeras.Layers type), found none");

    /// <summary>STK0008: a generic model class or containing type.</summary>
    public static readonly DiagnosticDescriptor GenericModel = Error(
        "STK0008", Declaration, "Model cannot be generic",
        "Model '{0}' must be a non-generic class in non-generic types, found type parameters in '{1}'");

    /// <summary>STK0009: an [Input] dimension that is not a positive int or a name.</summary>
    public static readonly DiagnosticDescriptor InvalidInputDimension = Error(
        "STK0009", Declaration, "Invalid input dimension",
        "Input dimension {0} must be a positive int or a symbolic name (a non-empty string), found {1}");

    /// <summary>STK0014: a zero-size input dimension (Keras accepts it; StaticKeras deviates, see its page).</summary>
    public static readonly DiagnosticDescriptor ZeroSizeInputDimension = Error(
        "STK0014", Declaration, "Zero-size input dimension",
        "Input dimension {0} is 0: every sample would be empty, so the loss is a mean over nothing (NaN); Keras accepts it, StaticKeras does not. Use a positive size or a symbolic name");

    /// <summary>STK0010: a constant layer argument outside its valid range.</summary>
    public static readonly DiagnosticDescriptor InvalidLayerArgument = Error(
        "STK0010", Declaration, "Invalid layer argument",
        "{0} '{1}': {2} must be {3}, found {4}");

    /// <summary>STK0011: the runtime assembly is not referenced.</summary>
    public static readonly DiagnosticDescriptor RuntimeNotReferenced = Error(
        "STK0011", Declaration, "StaticKeras.Runtime is not referenced",
        "Model '{0}' needs a reference to StaticKeras.Runtime (type StaticKeras.Model), found no such type in the compilation");

    /// <summary>STK0012: a layer declared in another part of a partial model class.</summary>
    public static readonly DiagnosticDescriptor LayerInOtherPart = Error(
        "STK0012", Declaration, "Layer declared outside the [Sequential] part",
        "Layer '{0}' must be declared in the part of '{1}' that carries [Sequential], so the layer order is the declaration order, found it in another part");

    /// <summary>STK0013: an explicit constructor on a model whose constructor is generated.</summary>
    public static readonly DiagnosticDescriptor ExplicitConstructor = Error(
        "STK0013", Declaration, "Model constructor is generated",
        "Model '{0}' must not declare constructors: the generated constructor builds and registers the layers, found '{1}'");

    /// <summary>STK1001: a layer that needs a known last dimension got an unknown or symbolic one.</summary>
    public static readonly DiagnosticDescriptor UnknownLastDimension = Error(
        "STK1001", Shapes, "Layer needs a known last dimension",
        "{0} '{1}' needs a known last dimension, found {2}");

    /// <summary>STK1002: a layer's input has a lower rank than the layer needs.</summary>
    public static readonly DiagnosticDescriptor RankTooLow = Error(
        "STK1002", Shapes, "Input rank too low for layer",
        "{0} '{1}' needs an input of rank {2} or more (batch included), found {3}");

    /// <summary>STK1003: an input whose rank is not exactly the layer's.</summary>
    public static readonly DiagnosticDescriptor RankMismatch = Error(
        "STK1003", Shapes, "Input rank does not match layer",
        "{0} '{1}' takes an input of rank {2} (batch included) {3}, found {4}");

    /// <summary>STK1004: a dimension the layer must know is unknown or symbolic.</summary>
    public static readonly DiagnosticDescriptor UnknownDimension = Error(
        "STK1004", Shapes, "Layer needs a known dimension",
        "{0} '{1}' needs a known {2} dimension, found {3}");

    /// <summary>STK1005: a kernel or pool window larger than its input with padding valid.</summary>
    public static readonly DiagnosticDescriptor WindowTooLarge = Error(
        "STK1005", Shapes, "Window larger than its input",
        "{0} '{1}': {2} {3} is larger than its input {4} with padding valid");

    /// <summary>STK1011: a transposed convolution whose output would be empty along an axis.</summary>
    public static readonly DiagnosticDescriptor EmptyTransposedOutput = Error(
        "STK1011", Shapes, "Transposed convolution output is empty",
        "{0} '{1}': input {2} gives an output of size {3} along {4} with kernel {5}, padding same and outputPadding {6}; the output needs at least 1 cell");

    /// <summary>STK1006: groups that do not divide the input channels.</summary>
    public static readonly DiagnosticDescriptor GroupsMismatch = Error(
        "STK1006", Shapes, "Groups do not divide the input channels",
        "{0} '{1}': groups {2} must divide the input channels, found {3} channels in {4}");

    /// <summary>STK1007: a Reshape target that does not hold the input's elements.</summary>
    public static readonly DiagnosticDescriptor ReshapeMismatch = Error(
        "STK1007", Shapes, "Reshape target does not match the input size",
        "{0} '{1}': target {2} needs {3}, found input {4} with {5} elements");

    /// <summary>STK1008: Permute dims whose count differs from the input's rank.</summary>
    public static readonly DiagnosticDescriptor PermuteMismatch = Error(
        "STK1008", Shapes, "Permute dims do not match the input rank",
        "{0} '{1}': dims {2} must permute all {3} non-batch axes, found input {4}");

    /// <summary>STK1009: a normalization axis outside the input or on the batch.</summary>
    public static readonly DiagnosticDescriptor AxisOutOfRange = Error(
        "STK1009", Shapes, "Axis outside the input",
        "{0} '{1}': axis {2} must name a non-batch axis of an input of rank {3} (batch included), found {4}");

    /// <summary>STK1012: normalization axes that name one axis twice.</summary>
    public static readonly DiagnosticDescriptor DuplicateAxis = Error(
        "STK1012", Shapes, "Axis named twice",
        "{0} '{1}': axis {2} names axis {3} twice on an input of rank {4} (batch included), found {5}; Keras rejects duplicate axes");

    /// <summary>STK1010: an Embedding after a layer that outputs floats.</summary>
    public static readonly DiagnosticDescriptor FloatIndices = Error(
        "STK1010", Shapes, "Embedding needs integer indices",
        "{0} '{1}' needs integer indices from the model's input, found the float output of {2} '{3}'; put the Embedding first (only Flatten, Reshape or Permute may come before it)");

    /// <summary>STK1020: elementwise merge inputs (Add, Multiply, ...) whose sizes cannot broadcast.</summary>
    public static readonly DiagnosticDescriptor MergeIncompatible = Error(
        "STK1020", Shapes, "Merge inputs have incompatible shapes",
        "{0} '{1}': shapes {2} and {3} differ in {4}; sizes must be equal or 1");

    /// <summary>STK1021: a Concatenate axis outside the inputs or on the batch.</summary>
    public static readonly DiagnosticDescriptor ConcatenateAxisOutOfRange = Error(
        "STK1021", Shapes, "Concatenation axis outside the inputs",
        "{0} '{1}': axis {2} must name a non-batch axis of inputs of rank {3} (batch included), found {4}");

    /// <summary>STK1022: Concatenate inputs whose ranks or sizes differ outside the joined axis.</summary>
    public static readonly DiagnosticDescriptor ConcatenateMismatch = Error(
        "STK1022", Shapes, "Concatenate inputs differ outside the axis",
        "{0} '{1}': shapes {2} and {3} must match except on the concatenation axis {4}, found different {5}");

    /// <summary>STK1023: a merge without inputs (Subtract: other than two).</summary>
    public static readonly DiagnosticDescriptor MergeInputCount = Error(
        "STK1023", Shapes, "Merge given the wrong number of inputs",
        "{0} '{1}' needs {2} inputs, found {3}");

    /// <summary>STK2001: a loss that does not fit the model's output.</summary>
    public static readonly DiagnosticDescriptor LossIncompatibleWithOutput = Error(
        "STK2001", Training, "Loss does not fit the model's output",
        "{0} expects {1}, found {2}; {3}");

    /// <summary>STK2002: FromLogits = true on a model that outputs probabilities.</summary>
    public static readonly DiagnosticDescriptor FromLogitsOnProbabilities = Warning(
        "STK2002", Training, "FromLogits on a probability output",
        "FromLogits = true expects the model to output logits, found a {0} output from {1} '{2}'; remove FromLogits or make the last activation linear");

    /// <summary>STK2003: a negative or non-finite learning rate.</summary>
    public static readonly DiagnosticDescriptor InvalidLearningRate = Error(
        "STK2003", Training, "Invalid learning rate",
        "LearningRate must be a finite number >= 0 (0 means the optimizer's Keras default), found {0}");

    /// <summary>STK2004: a [Compile] enum argument that names no member of its enum.</summary>
    public static readonly DiagnosticDescriptor UnknownCompileValue = Error(
        "STK2004", Training, "Unknown [Compile] value",
        "[Compile] {0} must be one of {1}, found {2}");

    /// <summary>STK2005: more than one of ClipNorm, ClipValue and GlobalClipNorm (Keras raises).</summary>
    public static readonly DiagnosticDescriptor ConflictingGradientClips = Error(
        "STK2005", Training, "More than one gradient clip",
        "Only one of ClipNorm, ClipValue and GlobalClipNorm can be set, found {0} and {1}");

    /// <summary>STK2006: an optimizer or schedule option with a value Keras rejects.</summary>
    public static readonly DiagnosticDescriptor InvalidOptimizerOption = Error(
        "STK2006", Training, "Invalid optimizer option",
        "{0} must be {1}, found {2}");

    /// <summary>STK2007: an optimizer or schedule option that does not apply to the optimizer or schedule chosen.</summary>
    public static readonly DiagnosticDescriptor OptimizerOptionDoesNotApply = Error(
        "STK2007", Training, "Optimizer option that does not apply",
        "{0} does not apply {1}; {2}");

    /// <summary>STK2008: a learning-rate schedule without an argument it requires.</summary>
    public static readonly DiagnosticDescriptor MissingScheduleArgument = Error(
        "STK2008", Training, "Schedule missing a required argument",
        "{0} needs {1}, found no {2}");

    /// <summary>STK0050: a [Layer] or [Weight] shape signature that does not parse or breaks its role's rules.</summary>
    public static readonly DiagnosticDescriptor MalformedSignature = Error(
        "STK0050", Declaration, "Malformed shape signature",
        "{0} signature \"{1}\" of '{2}' is malformed: {3}");

    /// <summary>STK0051: a name in an output or weight signature that nothing binds.</summary>
    public static readonly DiagnosticDescriptor UnboundSignatureName = Error(
        "STK0051", Declaration, "Unbound name in shape signature",
        "'{0}' in the {1} signature \"{2}\" of '{3}' is not bound: expected a name from the Input signature \"{4}\" or a primary-constructor parameter ({5})");

    /// <summary>STK0052: a [Layer] class the generator cannot add a part to.</summary>
    public static readonly DiagnosticDescriptor InvalidCustomLayerClass = Error(
        "STK0052", Declaration, "Custom layer must be a partial class",
        "Custom layer '{0}' must be a non-generic, non-static partial class without a base class (the generator derives it from CustomLayer), found {1}");

    /// <summary>STK0053: a [Layer] class without its Call(Tensor) method.</summary>
    public static readonly DiagnosticDescriptor MissingLayerCall = Error(
        "STK0053", Declaration, "Custom layer needs Call(Tensor)",
        "Custom layer '{0}' must declare 'public Tensor Call(Tensor inputs)', found {1}");

    /// <summary>STK0054: a [Weight] on a member that is not a get-only partial Parameter property.</summary>
    public static readonly DiagnosticDescriptor InvalidWeightProperty = Error(
        "STK0054", Declaration, "Weight must be a partial Parameter property",
        "Weight '{0}' of '{1}' must be a get-only partial property of type Parameter without a body, found '{2}'");

    /// <summary>STK0055: a signature name that is a primary-constructor parameter of a non-integer type.</summary>
    public static readonly DiagnosticDescriptor NonIntegerSignatureParameter = Error(
        "STK0055", Declaration, "Signature parameter must be an integer",
        "'{0}' in the {1} signature \"{2}\" of '{3}' names a constructor parameter of type {4}; expected int or long");

    /// <summary>STK0056: a method named Backward that is not the hand-written backward's signature.</summary>
    public static readonly DiagnosticDescriptor InvalidLayerBackward = Error(
        "STK0056", Declaration, "Custom layer Backward has the wrong signature",
        "Backward of custom layer '{0}' must be 'public Tensor Backward(Tensor inputs, Tensor gradOutput)' returning the input gradient, found '{1}'");

    /// <summary>STK0057: a method named ExportOnnx that is not a custom layer's ONNX form's signature.</summary>
    public static readonly DiagnosticDescriptor InvalidLayerOnnxExport = Error(
        "STK0057", Declaration, "Custom layer ExportOnnx has the wrong signature",
        "ExportOnnx of custom layer '{0}' must be 'public OnnxValue ExportOnnx(OnnxBuilder onnx, OnnxValue inputs)' returning the layer's output, found '{1}'");

    /// <summary>STK0060: a [Model] class without a [Graph] method.</summary>
    public static readonly DiagnosticDescriptor MissingGraphMethod = Error(
        "STK0060", Declaration, "Functional model needs a [Graph] method",
        "Functional model '{0}' needs one method marked [Graph] whose parameters are its [Input(...)] tensors, e.g. 'Tensor Call([Input(28, 28)] Tensor image)', found none");

    /// <summary>STK0061: a [Model] class with more than one [Graph] method.</summary>
    public static readonly DiagnosticDescriptor DuplicateGraphMethod = Error(
        "STK0061", Declaration, "Functional model has several [Graph] methods",
        "Functional model '{0}' must have exactly one [Graph] method, found '{1}' besides '{2}'");

    /// <summary>STK0062: a [Graph] method parameter that is not an [Input] tensor.</summary>
    public static readonly DiagnosticDescriptor GraphParameterNotInput = Error(
        "STK0062", Declaration, "Graph parameter must be an [Input] tensor",
        "Parameter '{0}' of [Graph] method '{1}' must be a Tensor with an [Input(...)] attribute giving its shape without the batch dimension, found {2}");

    /// <summary>STK0063: a statement the graph reader does not support.</summary>
    public static readonly DiagnosticDescriptor UnsupportedGraphStatement = Error(
        "STK0063", Declaration, "Statement not supported in a [Graph] method",
        "{0} is not supported in [Graph] method '{1}': write straight-line code of 'var x = layer.Call(...);', 'x = layer.Call(...);' and one final 'return ...;'");

    /// <summary>STK0064: an expression the graph reader does not support.</summary>
    public static readonly DiagnosticDescriptor UnsupportedGraphExpression = Error(
        "STK0064", Declaration, "Expression not supported in a [Graph] method",
        "'{0}' is not supported in [Graph] method '{1}': a tensor there is an input parameter, a local, or 'layer.Call(tensor)' on a layer member of '{2}'");

    /// <summary>STK0065: an input parameter assigned in the [Graph] method.</summary>
    public static readonly DiagnosticDescriptor InputReassigned = Error(
        "STK0065", Declaration, "Graph input cannot be reassigned",
        "Input '{0}' cannot be reassigned in [Graph] method '{1}': it names the model's input; assign to a new local instead, e.g. 'var x = ...'");

    /// <summary>STK0066: a layer member no output depends on.</summary>
    public static readonly DiagnosticDescriptor UnusedGraphLayer = Warning(
        "STK0066", Declaration, "Layer is not part of the graph",
        "Layer '{0}' is not part of the model: no output of [Graph] method '{1}' depends on a call to it");

    /// <summary>STK0067: an input no output depends on.</summary>
    public static readonly DiagnosticDescriptor UnreachedInput = Warning(
        "STK0067", Declaration, "Input does not reach any output",
        "Input '{0}' does not reach any output of [Graph] method '{1}': the model would require it without using it");

    /// <summary>STK0068: a [Graph] method whose return type is not a tensor.</summary>
    public static readonly DiagnosticDescriptor InvalidGraphReturn = Error(
        "STK0068", Declaration, "Graph method must return a tensor",
        "[Graph] method '{0}' must return Tensor, the model's output, or a tuple of named tensors such as '(Tensor cls, Tensor value)' for several outputs, found '{1}'");

    /// <summary>STK0069: a [Graph] method that calls no layer.</summary>
    public static readonly DiagnosticDescriptor EmptyGraph = Error(
        "STK0069", Declaration, "Graph method calls no layer",
        "[Graph] method '{0}' must compute its output with at least one layer call, found it returns input '{1}' unchanged");

    /// <summary>STK0071: two outputs of a [Graph] method with the same name.</summary>
    public static readonly DiagnosticDescriptor DuplicateOutputName = Error(
        "STK0071", Declaration, "Duplicate output name",
        "[Graph] method '{0}' names two outputs '{1}': each output needs its own name, which its loss, metrics and History keys ('{1}_loss') use");

    /// <summary>STK0072: an [Output] attribute naming no output of the graph.</summary>
    public static readonly DiagnosticDescriptor UnknownOutput = Error(
        "STK0072", Declaration, "Output attribute names no output",
        "[Output(\"{0}\")] names no output of [Graph] method '{1}', whose outputs are {2}");

    /// <summary>STK0073: an output with no loss when the model trains with [Output] attributes.</summary>
    public static readonly DiagnosticDescriptor OutputWithoutLoss = Error(
        "STK0073", Declaration, "Output has no loss",
        "Output '{0}' of model '{1}' has no loss: with several outputs, give each one an [Output(\"{0}\", loss)] attribute and the optimizer alone in [Compile(optimizer)]");

    /// <summary>STK0074: [Compile(optimizer)] with no loss anywhere.</summary>
    public static readonly DiagnosticDescriptor CompileWithoutLoss = Error(
        "STK0074", Declaration, "Compile names no loss",
        "[Compile] of model '{0}' names no loss: pass one, e.g. [Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy)], or give each output an [Output(name, loss)] attribute");

    /// <summary>STK0076: a member of the model class has a name the generated part declares.</summary>
    public static readonly DiagnosticDescriptor GeneratedMemberName = Error(
        "STK0076", Declaration, "Member name taken by generated code",
        "'{0}' declares '{1}', a member the generator writes for every model ({2}): rename it");

    /// <summary>STK0077: a member name declared twice in the model class.</summary>
    public static readonly DiagnosticDescriptor DuplicateMember = Error(
        "STK0077", Declaration, "Member declared twice",
        "'{0}' declares '{1}' more than once: each layer, weight and member needs its own name");

    /// <summary>STK0078: a model class the generated part cannot be added to (file-local, a keyword name).</summary>
    public static readonly DiagnosticDescriptor UnextendableType = Error(
        "STK0078", Declaration, "Generated part cannot be added to this type",
        "'{0}' is {1}, so the generated part cannot be added to it: {2}");

    /// <summary>STK0079: layers held in an array or collection member, which the generator cannot read.</summary>
    public static readonly DiagnosticDescriptor LayerCollection = Error(
        "STK0079", Declaration, "Layers in a collection are not read",
        "'{0}' holds layers in a {1}, which the generator cannot see into: declare each layer as its own field (hidden1, hidden2, ...)");

    /// <summary>STK0080: a layer with no ONNX form in a model marked [ExportOnnx].</summary>
    public static readonly DiagnosticDescriptor NoOnnxForm = Error(
        "STK0080", Declaration, "Layer cannot be exported to ONNX",
        "{0} '{1}' has no ONNX form: {2}; [ExportOnnx] on '{3}' asks for an ONNX export");

    /// <summary>STK1040: cropping that removes every cell of a spatial axis.</summary>
    public static readonly DiagnosticDescriptor CroppingTooLarge = Error(
        "STK1040", Shapes, "Cropping removes the whole axis",
        "{0} '{1}': cropping {2} + {3} must be smaller than the input's {4}, found {5}");

    /// <summary>STK1060: a Dropout noiseShape that cannot broadcast over the layer's input.</summary>
    public static readonly DiagnosticDescriptor NoiseShapeMismatch = Error(
        "STK1060", Shapes, "Noise shape does not fit the input",
        "{0} '{1}': noiseShape {2} does not broadcast over the input {3}: {4}");

    /// <summary>STK1041: an attention layer called on other than a query and a value (and a key).</summary>
    public static readonly DiagnosticDescriptor AttentionInputCount = Error(
        "STK1041", Shapes, "Attention needs a query and a value",
        "{0} '{1}' takes a query and a value, and optionally a key: call it as {1}.Call(query, value) or {1}.Call(query, value, key), found {2} input(s) {3}");

    /// <summary>STK1042: attention inputs of different ranks, or of rank below 3.</summary>
    public static readonly DiagnosticDescriptor AttentionRanks = Error(
        "STK1042", Shapes, "Attention inputs need one rank",
        "{0} '{1}': query, value and key must have the same rank, at least 3 (batch included), found query {2}, value {3} and key {4}");

    /// <summary>STK1043: an attention value and key that differ before their last axis.</summary>
    public static readonly DiagnosticDescriptor AttentionValueKey = Error(
        "STK1043", Shapes, "Attention value and key differ",
        "{0} '{1}': all dimensions of value and key except the last must be equal, found value {2} and key {3}");

    /// <summary>STK1044: a PositionEmbedding input longer than its sequenceLength.</summary>
    public static readonly DiagnosticDescriptor SequenceTooLong = Error(
        "STK1044", Shapes, "Sequence longer than the position embedding",
        "{0} '{1}': sequenceLength {2} is shorter than the input's steps, found {3}");

    /// <summary>STK1050: Normalization's given mean and variance that do not broadcast to the kept axes.</summary>
    public static readonly DiagnosticDescriptor NormalizationStatistics = Error(
        "STK1050", Shapes, "Normalization statistics do not fit the input",
        "{0} '{1}': mean and variance of {2} values do not broadcast to the kept axes' sizes {3} of {4}; give one value per index of the last kept axis, or a single value");

    /// <summary>STK1051: an Attention query and key whose features (or axes before the steps) the score mode cannot combine.</summary>
    public static readonly DiagnosticDescriptor AttentionQueryKey = Error(
        "STK1051", Shapes, "Attention query and key do not fit",
        "{0} '{1}': query {2} and key {3} cannot be scored with score mode {4}: {5}");

    /// <summary>STK1075: sizes so large that a count computed from them overflows.</summary>
    public static readonly DiagnosticDescriptor SizeOverflow = Error(
        "STK1075", Shapes, "Sizes too large",
        "'{0}': a size or parameter count computed from its shapes does not fit in 64 bits (while {1}); use smaller inputs or layers");

    /// <summary>STK0075: two [Output] attributes for one output.</summary>
    public static readonly DiagnosticDescriptor DuplicateOutputAttribute = Error(
        "STK0075", Declaration, "Output configured twice",
        "Output '{0}' of model '{1}' has two [Output] attributes: keep one");

    /// <summary>STK1030: a shared layer called on an input that needs weights of another shape.</summary>
    public static readonly DiagnosticDescriptor SharedLayerWeights = Error(
        "STK1030", Shapes, "Shared layer called on an incompatible shape",
        "{0} '{1}' is shared, so every call uses the weights of its first call on {2}: {3}; this call on {4} needs {5}");

    /// <summary>STK1031: a model used as a layer, called on a tensor of another shape than its input.</summary>
    public static readonly DiagnosticDescriptor NestedModelInput = Error(
        "STK1031", Shapes, "Model used as a layer called on the wrong shape",
        "{0} '{1}' is a model taking {2}, found {3}");

    /// <summary>STK1070: a custom layer's input with the wrong rank.</summary>
    public static readonly DiagnosticDescriptor ContractRank = Error(
        "STK1070", Shapes, "Input rank does not match the custom layer",
        "{0} '{1}' declares input {2}, found {3}: expected rank {4}, found rank {5}");

    /// <summary>STK1071: a signature name bound to two different sizes.</summary>
    public static readonly DiagnosticDescriptor ContractConflict = Error(
        "STK1071", Shapes, "Conflicting sizes for a signature name",
        "{0} '{1}' declares input {2}, found {3}: '{4}' is bound to both {5} and {6}");

    /// <summary>STK1072: an input size that differs from the integer its signature declares.</summary>
    public static readonly DiagnosticDescriptor ContractSize = Error(
        "STK1072", Shapes, "Input size does not match the custom layer",
        "{0} '{1}' declares input {2}, found {3}: axis {4} must be {5}, found {6}");

    /// <summary>STK1073: a computed output or weight dimension that is not a positive whole number.</summary>
    public static readonly DiagnosticDescriptor ContractInvalidSize = Error(
        "STK1073", Shapes, "Computed dimension is not a positive whole number",
        "{0} '{1}': {2} must be a positive whole number, found {3}");

    /// <summary>STK1074: a weight whose size depends on a dimension unknown at build time.</summary>
    public static readonly DiagnosticDescriptor ContractUnknownSize = Error(
        "STK1074", Shapes, "Weight needs a known size",
        "{0} '{1}': weight '{2}' {3} needs '{4}' known at build time, found {5} in input {6}");

    /// <summary>STK9001: the generator failed unexpectedly.</summary>
    public static readonly DiagnosticDescriptor GeneratorFailure = Error(
        "STK9001", Generator, "The StaticKeras generator failed",
        "The StaticKeras generator failed while {0} '{1}': {2}; please report this with the model's declaration");

    /// <summary>Every descriptor, by id.</summary>
    public static IReadOnlyDictionary<string, DiagnosticDescriptor> All { get; } = new[]
    {
        NotPartial, MissingInput, InvalidModelType, NonConstantArgument, UnsupportedLayer, LayerNotCreated,
        NoLayers, GenericModel, InvalidInputDimension, ZeroSizeInputDimension, InvalidLayerArgument, RuntimeNotReferenced,
        LayerInOtherPart, ExplicitConstructor, UnknownLastDimension, RankTooLow, RankMismatch, UnknownDimension, WindowTooLarge, EmptyTransposedOutput,
        GroupsMismatch, ReshapeMismatch, PermuteMismatch, AxisOutOfRange, DuplicateAxis, FloatIndices,
        MergeIncompatible, ConcatenateAxisOutOfRange, ConcatenateMismatch, MergeInputCount, LossIncompatibleWithOutput,
        FromLogitsOnProbabilities, InvalidLearningRate, UnknownCompileValue, ConflictingGradientClips, InvalidOptimizerOption,
        OptimizerOptionDoesNotApply, MissingScheduleArgument, GeneratorFailure,
        MalformedSignature, UnboundSignatureName, InvalidCustomLayerClass, MissingLayerCall, InvalidWeightProperty,
        NonIntegerSignatureParameter, InvalidLayerBackward, InvalidLayerOnnxExport, ContractRank, ContractConflict, ContractSize, ContractInvalidSize, ContractUnknownSize,
        MissingGraphMethod, DuplicateGraphMethod, GraphParameterNotInput, UnsupportedGraphStatement, UnsupportedGraphExpression,
        InputReassigned, UnusedGraphLayer, UnreachedInput, InvalidGraphReturn, EmptyGraph, DuplicateOutputName, UnknownOutput, OutputWithoutLoss, CompileWithoutLoss, DuplicateOutputAttribute, SharedLayerWeights, NestedModelInput, NoOnnxForm,
        GeneratedMemberName, DuplicateMember, UnextendableType, LayerCollection, SizeOverflow,
        CroppingTooLarge, AttentionInputCount, AttentionRanks, AttentionValueKey, SequenceTooLong, NoiseShapeMismatch,
        NormalizationStatistics, AttentionQueryKey,
    }.ToDictionary(d => d.Id);

    /// <summary>The descriptor with <paramref name="id"/>.</summary>
    public static DiagnosticDescriptor Find(string id) => All[id];

    private static DiagnosticDescriptor Error(string id, string category, string title, string message) =>
        Create(id, category, title, message, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string category, string title, string message) =>
        Create(id, category, title, message, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string category, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id));
}
