using Xunit;

// TorchSharp's random generator is global and dispose-scope statistics are per thread: tests that
// seed it or count live tensors must not interleave.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
