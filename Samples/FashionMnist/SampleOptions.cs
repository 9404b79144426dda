using System;
using System.Collections.Generic;
using System.Globalization;

namespace Samples.FashionMnist;

/// <summary>
/// The samples' one command-line syntax (FashionMnist and MultiHead share this file):
/// <c>[--model NAME] [--epochs N] [--batch-size N] [--data DIR] [--limit N] [--verbose 0|1|2] [--save DIR]</c>.
/// A sample that trains one model takes no <c>--model</c>. Unset options are null: each sample applies its defaults.
/// FashionMnist also takes <c>--stream</c> (train from disk through a dataset), <c>--tensorboard DIR</c> and <c>--plot FILE</c>.
/// </summary>
internal sealed record SampleOptions(string? Model, int? Epochs, int? BatchSize, string? DataDirectory, int? Limit, int? Verbose, string? SaveDirectory = null)
{
    /// <summary>The options every sample takes, in usage order.</summary>
    public const string CommonUsage = "[--epochs N] [--batch-size N] [--data DIR] [--limit N] [--verbose 0|1|2]";

    /// <summary>The options of the sample that trains a chosen model (FashionMnist), in usage order.</summary>
    public const string WatchingUsage = "[--stream] [--tensorboard DIR] [--plot FILE.png|FILE.svg]";

    /// <summary>Stream the images from disk through a <c>Dataset</c> instead of loading them into memory.</summary>
    public bool Stream { get; init; }

    /// <summary>A directory for TensorBoard event files, or null.</summary>
    public string? TensorBoardDirectory { get; init; }

    /// <summary>A .png or .svg file for the plot of the training history, or null.</summary>
    public string? PlotFile { get; init; }

    /// <summary>
    /// Runs <paramref name="body"/> with the parsed options: <c>--help</c> prints the usage (exit 0); a bad
    /// argument prints a one-line error and the usage to standard error (exit 2). <paramref name="validate"/>
    /// checks the values further (a model name), throwing <see cref="ArgumentException"/> for a bad one.
    /// </summary>
    public static int Run(IReadOnlyList<string> args, string usage, bool acceptsModel, Func<SampleOptions, int> body,
        Action<SampleOptions>? validate = null)
    {
        SampleOptions options;
        try
        {
            options = Parse(args, acceptsModel);
            validate?.Invoke(options);
        }
        catch (HelpRequested)
        {
            Console.WriteLine(usage);
            return 0;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine(usage);
            return 2;
        }

        return body(options);
    }

    /// <summary>Parses <paramref name="args"/>; a leading <c>--</c> (end of options) is skipped.</summary>
    /// <exception cref="ArgumentException">An unknown option, a missing value, or a value of the wrong form.</exception>
    /// <exception cref="HelpRequested"><c>-h</c> or <c>--help</c>.</exception>
    public static SampleOptions Parse(IReadOnlyList<string> args, bool acceptsModel = true)
    {
        var options = new SampleOptions(null, null, null, null, null, null);
        for (var i = args.Count > 0 && args[0] == "--" ? 1 : 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                throw new HelpRequested();
            }

            if (name == "--stream")
            {
                options = acceptsModel ? options with { Stream = true } : throw Unknown(name, acceptsModel);
                continue;
            }

            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{name}'; options are written --name value");
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"option {name} needs a value");
            }

            var value = args[++i];
            options = name switch
            {
                "--model" when acceptsModel => options with { Model = value },
                "--epochs" => options with { Epochs = PositiveInt(name, value) },
                "--batch-size" => options with { BatchSize = PositiveInt(name, value) },
                "--data" => options with { DataDirectory = value },
                "--limit" => options with { Limit = PositiveInt(name, value) },
                "--verbose" => options with { Verbose = Verbosity(value) },
                "--save" => options with { SaveDirectory = value },
                "--tensorboard" when acceptsModel => options with { TensorBoardDirectory = value },
                "--plot" when acceptsModel => options with { PlotFile = value },
                _ => throw Unknown(name, acceptsModel),
            };
        }

        return options;
    }

    private static ArgumentException Unknown(string name, bool acceptsModel) => new(
        $"unknown option {name}; expected one of {(acceptsModel ? "--model, " : "")}--epochs, --batch-size, --data, --limit, --verbose, --save" +
        (acceptsModel ? ", --stream, --tensorboard, --plot" : ""));

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"option {name} expects a positive integer, found '{value}'");

    private static int Verbosity(string value) =>
        value is "0" or "1" or "2" ? value[0] - '0' : throw new ArgumentException($"option --verbose expects 0, 1 or 2, found '{value}'");
}

/// <summary>Thrown when the user asks for <c>--help</c>.</summary>
internal sealed class HelpRequested : Exception
{
}
