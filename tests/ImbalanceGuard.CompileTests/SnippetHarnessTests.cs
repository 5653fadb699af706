using Xunit.Sdk;

namespace ImbalanceGuard.CompileTests;

/// <summary>The harness itself: it reports real errors, and its assertions fail when they should.</summary>
public class SnippetHarnessTests
{
    [Fact]
    public void An_ordinary_type_error_is_reported()
        => Snippet.InMethod("int count = [|\"many\"|];").ShouldFailWith("CS0029");

    [Fact]
    public void A_snippet_that_compiles_fails_a_must_fail_assertion()
        => Assert.ThrowsAny<XunitException>(() => Snippet.InMethod("var rows = [|data.RowCount|];").ShouldFailWith("CS1503"));

    [Fact]
    public void A_different_error_fails_a_must_fail_assertion()
        => Assert.ThrowsAny<XunitException>(() => Snippet.InMethod("var resampled = sampler.Resample([|holdout|]);").ShouldFailWith("CS0030"));

    [Fact]
    public void An_error_outside_the_marked_span_fails_a_must_fail_assertion()
        => Assert.ThrowsAny<XunitException>(() => Snippet.InMethod("""
            var marked = [|data|];
            var resampled = sampler.Resample(holdout);
            """).ShouldFailWith("CS1503"));

    [Fact]
    public void A_marked_span_without_an_error_fails_a_must_fail_assertion()
        => Assert.ThrowsAny<XunitException>(() => Snippet.InMethod("""
            var marked = [|data|];
            var resampled = sampler.Resample([|holdout|]);
            """).ShouldFailWith("CS1503"));

    [Fact]
    public void A_snippet_with_an_error_fails_a_must_compile_assertion()
        => Assert.ThrowsAny<XunitException>(() => Snippet.InMethod("sampler.Resample(holdout);").ShouldCompile());

    [Fact]
    public void A_snippet_with_a_warning_fails_a_must_compile_assertion()
        => Assert.ThrowsAny<XunitException>(() => Snippet.InMethod("Dataset? maybe = null; _ = maybe.RowCount;").ShouldCompile());

    [Fact]
    public void User_code_is_compiled_against_the_built_library()
    {
        var snippet = Snippet.InMethod("_ = data;");
        var library = Assert.Single(snippet.Compilation.References, r => r.Display == typeof(Dataset).Assembly.Location);
        Assert.Equal("ImbalanceGuard", snippet.Compilation.GetAssemblyOrModuleSymbol(library)?.Name);
        Assert.Equal(Snippet.AssemblyName, snippet.Compilation.AssemblyName);
    }
}
