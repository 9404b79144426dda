namespace StaticKeras.Data;

/// <summary>A data set's training and test splits as streaming datasets, and where their files are.</summary>
/// <param name="Train">The training images with their labels, read from disk on every pass.</param>
/// <param name="Test">The test images with their labels.</param>
/// <param name="Source">The directory the files are in, and how it was found.</param>
public sealed record StreamingSplits(Dataset<LabeledImage> Train, Dataset<LabeledImage> Test, DataSource Source);
