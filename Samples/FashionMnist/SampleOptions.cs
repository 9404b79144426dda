using System;
using System.Collections.Generic;
using System.Globalization;

namespace Samples.FashionMnist;

/// <summary>
/// The sample's command line: <c>--model NAME --epochs N --batch-size N --data DIR --limit N --verbose N</c>,
/// and <c>--stream</c> (train from disk through a dataset), <c>--tensorboard DIR</c>, <c>--plot FILE</c>.
/// </summary>
internal sealed record SampleOptions(string Model, int? Epochs, int BatchSize, string? DataDirectory, int? Limit, int? Verbose)
{
    /// <summary>Stream the images from disk through <c>Dataset</c> instead of loading them into memory.</summary>
    public bool Stream { get; init; }

    /// <summary>A directory for TensorBoard event files, or null.</summary>
    public string? TensorBoardDirectory { get; init; }

    /// <summary>A .png or .svg file for the plot of the training history, or null.</summary>
    public string? PlotFile { get; init; }

    public static SampleOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SampleOptions("mlp", null, 32, null, null, null);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                throw new HelpRequested();
            }

            if (name == "--stream")
            {
                options = options with { Stream = true };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"option {name} needs a value");
            }

            var value = args[++i];
            options = name switch
            {
                "--model" => options with { Model = value },
                "--epochs" => options with { Epochs = PositiveInt(name, value) },
                "--batch-size" => options with { BatchSize = PositiveInt(name, value) },
                "--data" => options with { DataDirectory = value },
                "--limit" => options with { Limit = PositiveInt(name, value) },
                "--verbose" => options with { Verbose = int.Parse(value, CultureInfo.InvariantCulture) },
                "--tensorboard" => options with { TensorBoardDirectory = value },
                "--plot" => options with { PlotFile = value },
                _ => throw new ArgumentException(
                    $"unknown option {name}; expected one of --model, --epochs, --batch-size, --data, --limit, --verbose, --stream, --tensorboard, --plot"),
            };
        }

        return options;
    }

    public const string Usage =
        "usage: dotnet run --project Samples/FashionMnist -c Release -- [--model mlp] [--epochs N (default: 5, custom: 50)] [--batch-size 32] [--data DIR] [--limit N] [--verbose 0|1|2] [--stream] [--tensorboard DIR] [--plot FILE.png|FILE.svg]";

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"option {name} expects a positive integer, found '{value}'");
}

/// <summary>Thrown when the user asks for <c>--help</c>.</summary>
internal sealed class HelpRequested : Exception
{
}
