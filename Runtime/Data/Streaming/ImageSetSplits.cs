using System;

namespace StaticKeras.Data;

/// <summary>A data set's training and test splits opened for reading images by index, and where their files are.</summary>
/// <param name="Train">The training images with their labels.</param>
/// <param name="Test">The test images with their labels.</param>
/// <param name="Source">The directory the files are in, and how it was found.</param>
public sealed record ImageSetSplits(IdxImageSet Train, IdxImageSet Test, DataSource Source) : IDisposable
{
    /// <summary>Closes both splits' files.</summary>
    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
