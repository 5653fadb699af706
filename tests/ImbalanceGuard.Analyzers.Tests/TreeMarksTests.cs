using ImbalanceGuard.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ImbalanceGuard.Analyzers.Tests;

/// <summary>
/// The lexical pre-filter (<see cref="TreeMarks"/>) decides that most code blocks need no token scan at all. It may
/// say "maybe" too often, never too rarely: whatever the token scan of a block finds (<see cref="Triggers.Scan"/>),
/// the pre-filter must allow — from the whole tree's marks and from the block's own text (what an analyzer uses while
/// another thread is still scanning the tree). Checked on text built to mislead a lexer and on the repository's code.
/// </summary>
public class TreeMarksTests
{
    /// <summary>Each source hides something the analyses look for where a lexer that skips comments could lose it.</summary>
    public static TheoryData<string> Awkward() =>
    [
        // A quote before "//" on the line: the "//" is in a string, the rest of the line is code.
        """class C { double M(Metrics m) { var url = "http://x"; var accuracy = m.Accuracy; return accuracy; } }""",
        // "//" inside a verbatim string that spans lines and closes later on the same line.
        "class C { double M(Metrics m) { var s = @\"a\n// b\"; var accuracy = m.Accuracy; return accuracy; } }",
        // An interpolation after "//" in a multi-line interpolated verbatim string.
        "class C { string M(Metrics m) { return $@\"a\n// {m.Accuracy} {0.5}\"; } }",
        // "/*" inside a string, "*/" inside another: all code between.
        """class C { int M(Metrics m) { var a = "/*"; var accuracy = m.Accuracy; var b = "*/"; return 0; } }""",
        // A raw string with "//" inside, code after it on the same line.
        "class C { double M(Metrics m) { var s = \"\"\"\n  x // y \"\"\"; var accuracy = m.Accuracy; return accuracy; } }",
        // A char literal holding a quote before a comment.
        """class C { bool M(double p) { var q = '"'; return p > 0.5; } }""",
        // "/*" in a region #if removes: not a comment start; the code after #endif is code.
        "class C { bool M(double p) {\n#if NEVER\n /* \n#endif\n return p > 0.5; /* real */ } }",
        // Identifiers written with Unicode escapes, a formatting character, a verbatim prefix.
        """class C { double M(Metrics m) { var \u0061ccuracy = m.Accuracy; return \u0061ccuracy; } }""",
        "class C { double M(Metrics m) { var acc\u00ADuracy = m.Accuracy; return accuracy; } }",
        """class C { object M(List<int> rows, Random r) { return rows.OrderBy(x => r.Next()).@Take(3); } }""",
        // 0.5 written in every way a literal can be.
        """class C { bool M(double p) => p > 0.50f; }""",
        """class C { bool M(double p) => p > 5e-1; }""",
        """class C { bool M(decimal p) => p > .5m; }""",
        """class C { bool M(double p) => p > 0.5_0; }""",
        """class C { bool M(double p) => p > 0.4999999999999999999999; }""",
        """class C { bool M(float p) => p >= 0.500000001f; }""",
        // Triggers of every analysis, in plain code, in comments and in strings.
        """
        class C
        {
            // threshold, accuracy, holdout, Oversample
            static double[] Oversample(double[] rows) => rows;
            void M(MLContext ml, IDataView data, double[] rows, double[] testScores, double threshold)
            {
                var resampled = Oversample(rows);
                var split = ml.Data.TrainTestSplit(data, samplingKeyColumnName: "Label");
                var best = testScores.Max();
                Console.WriteLine("accuracy /* and */ // " + threshold);
                rows.ToList().Add(rows[0]);
            }
        }
        """,
    ];

    [Theory]
    [MemberData(nameof(Awkward))]
    public void Never_rules_out_what_the_token_scan_finds(string source)
    {
        var checkedBlocks = CheckEveryBlock(CSharpSyntaxTree.ParseText(source, Parse, "Awkward.cs"));
        Assert.True(checkedBlocks > 0);
    }

    [Fact]
    public void Never_rules_out_what_the_token_scan_finds_in_the_repository_code()
    {
        var root = RepositoryRoot();
        var files = new[] { "src", "samples", "tests", "benchmarks" }
            .Select(folder => Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();
        var blocks = 0;
        var blocksTheScanFlags = 0;
        foreach (var file in files)
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), Parse, file);
            blocks += CheckEveryBlock(tree, flagged => blocksTheScanFlags += flagged ? 1 : 0);
        }

        // The comparison means something only if the repository's code has blocks of both kinds.
        Assert.True(files.Count > 300, $"{files.Count} files");
        Assert.True(blocksTheScanFlags > 500 && blocks - blocksTheScanFlags > 500, $"{blocksTheScanFlags} of {blocks} blocks flagged by the token scan");
    }

    [Fact]
    public void Rules_out_blocks_with_nothing_to_find_even_when_comments_name_it()
    {
        const string source = """
            class C
            {
                /// <summary>Reads a value; the accuracy of the threshold is 0.5 (not code).</summary>
                async System.Threading.Tasks.Task<int> M(System.IO.Stream stream, List<int> values)
                {
                    // accuracy, threshold 0.5, testData, Oversample: words of a comment
                    /* a block comment with 0.5 and holdout */
                    var buffer = new byte[16];
                    var read = await stream.ReadAsync(buffer, 0, buffer.Length);
                    return values.Count > 2 ? read : (int)(read * 0.25);
                }
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source, Parse, "Clean.cs");
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var context = Context(tree);
        var possible = TreeMarks.Scan(tree.GetText(), new TextSpan(0, tree.Length), context).MayFire(method.Span, alwaysResampler: false);
        Assert.False(possible.Leakage || possible.Accuracy || possible.Threshold || possible.Selection || possible.SamplingKey);
    }

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    /// <summary>The running framework's assemblies (the scans bind nothing; the known types need only to exist).</summary>
    private static readonly Lazy<MetadataReference[]> Framework = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) == "netstandard.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    /// <summary>Checks every code block of the tree (members, accessors, the file itself); returns how many.</summary>
    private static int CheckEveryBlock(SyntaxTree tree, Action<bool>? flagged = null)
    {
        var context = Context(tree);
        Assert.False(context.Compilation.ReferencesAnnotatedLibrary);
        var text = tree.GetText();
        var marks = TreeMarks.Scan(text, new TextSpan(0, text.Length), context);
        var blocks = 0;
        var root = tree.GetRoot();
        foreach (var node in root.DescendantNodesAndSelf().Where(n => n is CompilationUnitSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax
            or BasePropertyDeclarationSyntax or BaseFieldDeclarationSyntax or LocalFunctionStatementSyntax))
        {
            var exact = Triggers.Scan(node, context, CancellationToken.None);
            var fromTree = marks.MayFire(node.Span, alwaysResampler: false);
            var fromBlock = TreeMarks.Scan(text, node.Span, context).MayFire(node.Span, alwaysResampler: false);
            foreach (var (possible, how) in new[] { (fromTree, "tree"), (fromBlock, "block") })
            {
                var where = $"{tree.FilePath}:{node.GetLocation().GetLineSpan().StartLinePosition.Line + 1} ({how}): {node.ToString().Split('\n')[0]}";
                Assert.True(!exact.Leakage || possible.Leakage, "leakage ruled out at " + where);
                Assert.True(!exact.Accuracy || possible.Accuracy, "accuracy ruled out at " + where);
                Assert.True(!exact.Threshold || possible.Threshold, "threshold ruled out at " + where);
                Assert.True(!exact.Selection || possible.Selection, "selection ruled out at " + where);
                Assert.True(!exact.SamplingKey || possible.SamplingKey, "sampling key ruled out at " + where);
            }

            flagged?.Invoke(exact.Leakage || exact.Accuracy || exact.Threshold || exact.Selection || exact.SamplingKey);
            blocks++;
        }

        return blocks;
    }

    /// <summary>
    /// The analyses' context for a compilation of the tree that references ImbalanceGuard and ML.NET (every kind of name
    /// counts), but not the ML.NET bridge: a library built on ImbalanceGuard makes every block a leakage candidate.
    /// </summary>
    private static SettingsContext Context(SyntaxTree tree)
    {
        var compilation = CSharpCompilation.Create(
            "Marks",
            [tree, CSharpSyntaxTree.ParseText(Verifier.GlobalUsings, Parse)],
            [.. Verifier.References.Where(r => Path.GetFileName(r.Display) != "ImbalanceGuard.ML.dll"), .. Framework.Value],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return new SettingsContext(CompilationState.Get(compilation), AnalyzerSettings.Default);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "ImbalanceGuard.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ImbalanceGuard.sln not found above " + AppContext.BaseDirectory);
    }
}
