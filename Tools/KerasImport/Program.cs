using System;
using System.IO;
using System.IO.Compression;
using System.Text.Json.Nodes;
using StaticKeras.Tools.KerasImport;

// KerasImport MODEL.keras [--class Name] [--namespace Ns] [--out File.cs]
// Prints (or writes) a StaticKeras declaration for a Keras 3 .keras file. Layers it cannot express
// are listed on stderr and marked in the code; the exit code is then 1.
const string Usage = "usage: KerasImport MODEL.keras [--class Name] [--namespace Ns] [--out File.cs]";
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

var path = args[0];
var className = "ImportedModel";
var ns = "Imported";
string? output = null;
for (var i = 1; i < args.Length; i += 2)
{
    if (i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"error: option {args[i]} needs a value\n{Usage}");
        return 2;
    }

    switch (args[i])
    {
        case "--class": className = args[i + 1]; break;
        case "--namespace": ns = args[i + 1]; break;
        case "--out": output = args[i + 1]; break;
        default:
            Console.Error.WriteLine($"error: unknown option {args[i]}\n{Usage}");
            return 2;
    }
}

try
{
    var result = KerasFileImport.Import(path, className, ns);
    if (output is null)
    {
        Console.Write(result.Code);
    }
    else
    {
        File.WriteAllText(output, result.Code);
    }

    foreach (var problem in result.Problems)
    {
        Console.Error.WriteLine($"not expressible: {problem}");
    }

    return result.Problems.Count == 0 ? 0 : 1;
}
catch (Exception e) when (e is IOException or InvalidDataException or FormatException or UnauthorizedAccessException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
