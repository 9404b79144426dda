using System;
using System.Threading.Tasks;
using Samples.Serving;

// dotnet run --project Samples/Serving -c Release -- train fashion-mlp.safetensors   (make weights)
// dotnet run --project Samples/Serving -c Release -- --weights fashion-mlp.safetensors [--micro-batching true]
// dotnet run --project Samples/Serving -c Release -- loadtest --weights fashion-mlp.safetensors
switch (args.Length > 0 ? args[0] : "")
{
    case "train":
        return TrainCommand.Run(args[1..]);
    case "loadtest":
        return await LoadTest.Run(args[1..]);
}

var app = ServingApp.Build(args);
try
{
    ServingApp.LoadModel(app);
}
catch (ServingSetupException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
