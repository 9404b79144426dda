using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.CodeFixes;

/// <summary>
/// Runs a code fix as the IDE does: the source is a document in an <see cref="AdhocWorkspace"/>
/// compiled as <see cref="GeneratorRunner"/> compiles it, the generator runs through the driver on
/// that document's compilation, and its diagnostics go to the fix (or to Fix All in the document).
/// </summary>
public sealed class CodeFixRunner(CodeFixProvider provider, string diagnosticId)
{
    /// <summary>The titles of the fixes offered for each <paramref name="diagnosticId"/> diagnostic in <paramref name="source"/>, in source order.</summary>
    public async Task<IReadOnlyList<string>> Titles(string source)
    {
        var document = Document(source);
        var titles = new List<string>();
        foreach (var diagnostic in await Diagnostics(document))
        {
            titles.AddRange((await Actions(document, diagnostic)).Select(a => a.Title));
        }

        return titles;
    }

    /// <summary>Applies the fix titled <paramref name="title"/> for the <paramref name="index"/>-th diagnostic (in source order); returns the fixed text.</summary>
    public async Task<string> Fix(string source, string title, int index = 0)
    {
        var document = Document(source);
        var diagnostic = (await Diagnostics(document))[index];
        var action = Assert.Single(await Actions(document, diagnostic));
        Assert.Equal(title, action.Title);
        return await Apply(document, action);
    }

    /// <summary>Applies Fix All in the document to every <paramref name="diagnosticId"/> diagnostic; returns the fixed text.</summary>
    public async Task<string> FixAllInDocument(string source)
    {
        var document = Document(source);
        var diagnostics = await Diagnostics(document);
        var equivalenceKey = (await Actions(document, diagnostics[0])).Single().EquivalenceKey!;
        var context = new FixAllContext(
            document, provider, FixAllScope.Document, equivalenceKey, [diagnosticId], new KnownDiagnostics(diagnostics), CancellationToken.None);
        var action = await provider.GetFixAllProvider()!.GetFixAsync(context);
        Assert.NotNull(action);
        return await Apply(document, action);
    }

    /// <summary>Runs the generator on <paramref name="source"/> as a document, the way the fixes' input was run.</summary>
    public async Task<GeneratorRun> Generate(string source) => GeneratorRunner.Run((await Document(source).Project.GetCompilationAsync())!);

    // A workspace per document: with one workspace for the test, the fixed source's compilation
    // (a second project, same file path) came back with the original source's syntax tree.
    private static Document Document(string source)
    {
        var workspace = new AdhocWorkspace();
        var project = ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "CodeFixTest",
            GeneratorRunner.DefaultAssemblyName,
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: GeneratorRunner.ParseOptions,
            metadataReferences: References.All);
        var projectId = workspace.AddProject(project).Id;
        var document = DocumentInfo.Create(
            DocumentId.CreateNewId(projectId), "Model0.cs", loader: TextLoader.From(TextAndVersion.Create(SourceText.From(source), VersionStamp.Create())), filePath: "Model0.cs");
        return workspace.AddDocument(document);
    }

    private async Task<ImmutableArray<Diagnostic>> Diagnostics(Document document)
    {
        var tree = (await document.GetSyntaxTreeAsync())!;
        var diagnostics = GeneratorRunner.Run((await document.Project.GetCompilationAsync())!).Diagnostics
            .Where(d => d.Id == diagnosticId)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => InDocument(d, tree))
            .ToImmutableArray();
        Assert.NotEmpty(diagnostics);
        return diagnostics;
    }

    // The generator keeps locations as file path + span (no syntax trees in its pipeline), so its
    // diagnostics carry external file locations. The IDE finds the document by that path and hands
    // code fixes the diagnostic located in the document's tree; this does the same.
    private static Diagnostic InDocument(Diagnostic diagnostic, SyntaxTree tree)
    {
        Assert.Equal(tree.FilePath, diagnostic.Location.GetLineSpan().Path);
        return Diagnostic.Create(
            diagnostic.Id,
            diagnostic.Descriptor.Category,
            diagnostic.GetMessage(CultureInfo.InvariantCulture),
            diagnostic.Severity,
            diagnostic.DefaultSeverity,
            diagnostic.Descriptor.IsEnabledByDefault,
            diagnostic.WarningLevel,
            diagnostic.Descriptor.Title,
            diagnostic.Descriptor.Description,
            diagnostic.Descriptor.HelpLinkUri,
            Location.Create(tree, diagnostic.Location.SourceSpan));
    }

    private async Task<IReadOnlyList<CodeAction>> Actions(Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions;
    }

    private static async Task<string> Apply(Document document, CodeAction action)
    {
        var operation = Assert.Single(await action.GetOperationsAsync(CancellationToken.None));
        var solution = Assert.IsType<ApplyChangesOperation>(operation).ChangedSolution;
        return (await solution.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    // Fix All asks for the diagnostics of its scope; these are the generator's.
    private sealed class KnownDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
