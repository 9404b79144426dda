using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace StaticKeras.Training;

/// <summary>
/// Keras 3's progress bar (<c>keras.utils.Progbar</c>), character for character:
/// <code>
/// verbose=1 (redrawn in place with \r):
///   1875/1875 ━━━━━━━━━━━━━━━━━━━━ 2s 1ms/step - accuracy: 0.8712 - loss: 0.3521
///    938/1875 ━━━━━━━━━━           1s 1ms/step - ...        (the time left while running)
/// verbose=2 (one line when finished):
///   1875/1875 - 2s - 1ms/step - accuracy: 0.8712 - loss: 0.3521
/// </code>
/// With color (a terminal), the count and time are bold, the done part green and the rest a dim
/// <c>━</c>; without, the rest is blank. Values are averaged over updates while running (Keras treats logged values as stateless) and
/// shown as given on the final update.
/// </summary>
public sealed class Progbar
{
    private const string Bold = "\x1b[1m", Green = "\x1b[32m", Dim = "\x1b[37m", Reset = "\x1b[0m";

    private readonly int _width;
    private readonly int _verbose;
    private readonly double _interval;
    private readonly string _unitName;
    private readonly TextWriter _writer;
    private readonly TimeProvider _clock;
    private readonly bool _color;
    private readonly Dictionary<string, (double Sum, double Count)> _values = [];
    private readonly List<string> _valuesOrder = [];
    private readonly double _start;
    private double _lastUpdate = double.NegativeInfinity;
    private double? _timeAfterFirstStep;
    private int _seenSoFar;
    private int _previousTotalWidth;

    /// <summary>Creates the bar; the clock starts now.</summary>
    /// <param name="target">The number of steps, or <see langword="null"/> when unknown.</param>
    /// <param name="width">The bar's width in characters.</param>
    /// <param name="verbose">0 silent, 1 a bar redrawn in place, 2 one line when finished.</param>
    /// <param name="interval">The minimum time between redraws, in seconds.</param>
    /// <param name="unitName">The unit of the time per step (<c>step</c>).</param>
    /// <param name="writer">Where to write (default: the console).</param>
    /// <param name="timeProvider">The clock (default: the system's).</param>
    /// <param name="color">Whether to use ANSI colors and bold as Keras does on a terminal.</param>
    public Progbar(int? target, int width = 20, int verbose = 1, double interval = 0.05, string unitName = "step",
        TextWriter? writer = null, TimeProvider? timeProvider = null, bool color = false)
    {
        Target = target;
        _width = width;
        _verbose = verbose;
        _interval = interval;
        _unitName = unitName;
        _writer = writer ?? Console.Out;
        _clock = timeProvider ?? TimeProvider.System;
        _color = color;
        _start = Now();
    }

    /// <summary>The number of steps, or <see langword="null"/> when unknown.</summary>
    public int? Target { get; set; }

    /// <summary>
    /// The number of samples the steps done so far cover (a training epoch's, set before the final
    /// update), or <see langword="null"/>; when set, the final line shows the throughput after the
    /// time per step: <c>2s 1ms/step - 31250 samples/s - loss: ...</c> (not in Keras, which shows no rate).
    /// </summary>
    public int? Samples { get; set; }

    /// <summary>Records progress and redraws when due (Keras' <c>Progbar.update</c>).</summary>
    /// <param name="current">The number of steps done.</param>
    /// <param name="values">The logged values of the last step.</param>
    /// <param name="finalize">Whether this is the last update; by default, when <paramref name="current"/> reaches the target.</param>
    public void Update(int current, IEnumerable<KeyValuePair<string, double>>? values = null, bool? finalize = null)
    {
        var isFinal = finalize ?? (Target is { } t && current >= t);
        foreach (var (key, value) in values ?? [])
        {
            if (!_values.ContainsKey(key))
            {
                _valuesOrder.Add(key);
            }

            if (isFinal)
            {
                _values[key] = (value, 1);
            }
            else
            {
                var weight = Math.Max(current - _seenSoFar, 1);
                _values[key] = _values.TryGetValue(key, out var old) ? (old.Sum + value * weight, old.Count + weight) : (value * weight, weight);
            }
        }

        _seenSoFar = current;
        var now = Now();
        var timePerUnit = EstimateStepDuration(current, now);
        if (_verbose == 1)
        {
            if (now - _lastUpdate < _interval && !isFinal)
            {
                return;
            }

            WriteBar(current, now, timePerUnit, isFinal);
        }
        else if (_verbose == 2 && isFinal && Target is > 0)
        {
            var line = new StringBuilder($"{Count(current, Target.Value)} - {KerasFormat.Fixed(now - _start, 0)}s -");
            line.Append(KerasFormat.TimePerUnit(timePerUnit, _unitName)).Append(Throughput(now));
            foreach (var key in _valuesOrder)
            {
                line.Append($" - {key}: {KerasFormat.ValueLine(Average(key))}");
            }

            Write(line.Append('\n').ToString());
        }

        _lastUpdate = now;
    }

    private void WriteBar(int current, double now, double timePerUnit, bool isFinal)
    {
        // Visible text and its ANSI-decorated form are built side by side; padding uses the visible width.
        string bar, plainBar;
        if (Target is > 0 and var target)
        {
            var count = Count(current, target);
            var done = (int)(_width * ((double)current / target));
            done = Math.Clamp(done, 0, _width);
            plainBar = $"{count} {new string('━', done)}{new string(' ', _width - done)}";
            bar = !_color ? plainBar
                : $"{Bold}{count}{Reset} " + (done > 0 ? $"{Green}{new string('━', done)}{Reset}" : "") + $"{Dim}{new string('━', _width - done)}{Reset}";
        }
        else
        {
            bar = plainBar = $"{current,7}/Unknown";
        }

        var time = Target is > 0 && !isFinal
            ? KerasFormat.Eta(timePerUnit * (Target.Value - current))
            : KerasFormat.Fixed(now - _start, 0) + "s";
        var info = new StringBuilder(_color ? $" {Bold}{time}{Reset}" : $" {time}");
        var plainInfoLength = 1 + time.Length;
        var rest = new StringBuilder(KerasFormat.TimePerUnit(timePerUnit, _unitName));
        if (isFinal)
        {
            rest.Append(Throughput(now));
        }
        foreach (var key in _valuesOrder)
        {
            rest.Append($" - {key}: {KerasFormat.Value(Average(key))}");
        }

        info.Append(rest);
        plainInfoLength += rest.Length;

        var message = new StringBuilder("\r").Append(bar).Append(info);
        var totalWidth = plainBar.Length + plainInfoLength;
        if (_previousTotalWidth > totalWidth)
        {
            message.Append(' ', _previousTotalWidth - totalWidth);
        }

        if (isFinal)
        {
            message.Append('\n');
        }

        Write(message.ToString());
        _previousTotalWidth = totalWidth;
    }

    // Keras ignores the first step, which includes warm-up, once later steps exist.
    private double EstimateStepDuration(int current, double now)
    {
        if (current == 0)
        {
            return 0;
        }

        var timePerUnit = _timeAfterFirstStep is { } first && current > 1
            ? (now - first) / (current - 1)
            : (now - _start) / current;
        if (current == 1)
        {
            _timeAfterFirstStep = now;
        }

        return timePerUnit;
    }

    // " - 31250 samples/s": the samples done over the time since the start.
    private string Throughput(double now)
    {
        var elapsed = now - _start;
        return Samples is { } samples && elapsed > 0
            ? $" - {(samples / elapsed).ToString("F0", System.Globalization.CultureInfo.InvariantCulture)} samples/s"
            : "";
    }

    private double Average(string key)
    {
        var (sum, count) = _values[key];
        return sum / Math.Max(1, count);
    }

    private static string Count(int current, int target) => current.ToString().PadLeft(target.ToString().Length) + "/" + target;

    private double Now() => _clock.GetTimestamp() / (double)_clock.TimestampFrequency;

    private void Write(string text)
    {
        _writer.Write(text);
        _writer.Flush();
    }
}
