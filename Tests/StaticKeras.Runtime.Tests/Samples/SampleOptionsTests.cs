using System;
using System.IO;
using Samples.FashionMnist;
using Xunit;

namespace StaticKeras.Runtime.Tests.Samples;

// Samples/FashionMnist and Samples/MultiHead share one option syntax; a bad argument is a one-line
// error and the usage on standard error, exit code 2.
public class SampleOptionsTests
{
    [Fact]
    public void Parses_every_option()
    {
        var options = SampleOptions.Parse(["--model", "cnn", "--epochs", "3", "--batch-size", "64", "--data", "/d", "--limit", "100", "--verbose", "2"]);

        Assert.Equal(new SampleOptions("cnn", 3, 64, "/d", 100, 2), options);
    }

    [Fact]
    public void FashionMnist_also_takes_stream_tensorboard_and_plot()
    {
        var options = SampleOptions.Parse(["--stream", "--tensorboard", "logs", "--plot", "h.png", "--epochs", "2"]);

        Assert.Equal(new SampleOptions(null, 2, null, null, null, null) { Stream = true, TensorBoardDirectory = "logs", PlotFile = "h.png" }, options);
        Assert.Equal("unknown option --stream; expected one of --epochs, --batch-size, --data, --limit, --verbose, --save",
            Assert.Throws<ArgumentException>(() => SampleOptions.Parse(["--stream"], acceptsModel: false)).Message);
    }

    [Fact]
    public void Unset_options_are_null_so_each_sample_applies_its_defaults() =>
        Assert.Equal(new SampleOptions(null, null, null, null, null, null), SampleOptions.Parse([]));

    [Fact]
    public void A_leading_double_dash_is_the_end_of_options_marker() =>
        Assert.Equal(1, SampleOptions.Parse(["--", "--epochs", "1"], acceptsModel: false).Epochs);

    [Theory]
    [InlineData("unexpected argument '3'; options are written --name value", "3")]
    [InlineData("option --epochs needs a value", "--epochs")]
    [InlineData("option --epochs expects a positive integer, found 'x'", "--epochs", "x")]
    [InlineData("option --batch-size expects a positive integer, found '0'", "--batch-size", "0")]
    [InlineData("option --verbose expects 0, 1 or 2, found 'loud'", "--verbose", "loud")]
    [InlineData("unknown option --model; expected one of --epochs, --batch-size, --data, --limit, --verbose, --save", "--model", "mlp")]
    public void Bad_arguments_are_ArgumentExceptions_saying_what_is_wrong(string message, params string[] args) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => SampleOptions.Parse(args, acceptsModel: false)).Message);

    [Fact]
    public void Run_answers_a_bad_argument_with_one_error_line_the_usage_and_exit_code_2()
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            var ran = false;
            var code = SampleOptions.Run(["--epochs", "many"], "usage: sample [options]", acceptsModel: false, _ => { ran = true; return 0; });

            Assert.Equal(2, code);
            Assert.False(ran);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Contains("error: option --epochs expects a positive integer, found 'many'\nusage: sample [options]\n", error.ToString().Replace("\r\n", "\n"));
    }

    [Fact]
    public void Run_answers_a_value_its_validation_rejects_with_exit_code_2_too()
    {
        var original = Console.Error;
        Console.SetError(TextWriter.Null);
        try
        {
            Assert.Equal(2, SampleOptions.Run(["--model", "nope"], "usage", acceptsModel: true, _ => 0,
                validate: o => throw new ArgumentException($"unknown model '{o.Model}'")));
        }
        finally
        {
            Console.SetError(original);
        }
    }

    [Fact]
    public void Run_passes_the_options_to_the_sample() =>
        Assert.Equal(7, SampleOptions.Run(["--limit", "7"], "usage", acceptsModel: true, options => options.Limit!.Value));
}
