using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using StaticKeras.Callbacks.Formatting;

namespace StaticKeras.Callbacks;

/// <summary>
/// Streams each epoch's logs to a CSV file (Keras' <c>CSVLogger</c>), byte for byte as Keras writes
/// it: columns <c>epoch</c> (zero-based) then the first epoch's log keys sorted (and, when those
/// hold no <c>val_</c> key, a <c>val_</c> column for each, filled with <c>NA</c>); values as Python
/// prints floats; rows ended by <c>\r\n</c> (Python's csv dialect); fields quoted only when needed.
/// </summary>
/// <example>
/// <code>
/// model.Fit(xTrain, yTrain, callbacks: [new CSVLogger("training.log")]);
/// </code>
/// </example>
public class CSVLogger : Callback
{
    private StreamWriter? _writer;
    private List<string>? _keys;
    private bool _appendHeader = true;

    /// <summary>Creates the callback.</summary>
    /// <param name="filename">The CSV file, such as <c>run/log.csv</c>.</param>
    /// <param name="separator">The field separator.</param>
    /// <param name="append">Append to an existing file (continuing training, no second header) instead of overwriting it.</param>
    public CSVLogger(string filename, char separator = ',', bool append = false)
    {
        Filename = filename;
        Separator = separator;
        Append = append;
    }

    /// <summary>The CSV file.</summary>
    public string Filename { get; }

    /// <summary>The field separator.</summary>
    public char Separator { get; }

    /// <summary>Whether rows are appended to an existing file.</summary>
    public bool Append { get; }

    /// <inheritdoc/>
    public override void OnTrainBegin(IDictionary<string, double> logs)
    {
        if (Append && File.Exists(Filename))
        {
            // Keras writes the header only when the file's first line is empty.
            _appendHeader = new FileInfo(Filename).Length == 0;
        }

        _writer?.Dispose();
        _writer = new StreamWriter(Filename, Append, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        _keys = null;
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(int epoch, IDictionary<string, double> logs)
    {
        var writer = _writer ?? throw new InvalidOperationException("CSVLogger.OnEpochEnd was called before OnTrainBegin opened the file.");
        if (_keys is null)
        {
            _keys = logs.Keys.Order(StringComparer.Ordinal).ToList();
            if (_keys.Count > 0 && !_keys.Any(k => k.StartsWith("val_", StringComparison.Ordinal)))
            {
                _keys.AddRange(_keys.Select(k => "val_" + k).ToList());
            }

            if (_appendHeader)
            {
                WriteRow(writer, _keys.Prepend("epoch"));
            }
        }

        WriteRow(writer, _keys.Select(k => logs.TryGetValue(k, out var v) ? PythonFloat.Repr(v) : "NA")
            .Prepend(epoch.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        writer.Flush();
    }

    /// <inheritdoc/>
    public override void OnTrainEnd(IDictionary<string, double> logs)
    {
        _writer?.Dispose();
        _writer = null;
    }

    // Python's csv.excel dialect: quote a field only if it holds the separator, a quote or a line
    // break, doubling quotes inside; end rows with \r\n.
    private void WriteRow(TextWriter writer, IEnumerable<string> fields) =>
        writer.Write(string.Join(Separator, fields.Select(Quote)) + "\r\n");

    private string Quote(string field) => field.IndexOfAny([Separator, '"', '\r', '\n']) >= 0
        ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : field;
}
