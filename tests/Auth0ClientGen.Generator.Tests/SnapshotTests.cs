using System.Linq;
using System.Text.RegularExpressions;
using ApprovalTests;
using ApprovalTests.Namers;
using ApprovalTests.Reporters;
using ApprovalTests.Writers;

namespace Auth0ClientGen.Generator.Tests;

/// <summary>
/// The generated source for representative interfaces, compared with reviewed snapshots under Snapshots/.
/// Each case must also compile without errors or warnings.
/// </summary>
[UseReporter(typeof(QuietReporter))]
[UseApprovalSubdirectory("Snapshots")]
public class SnapshotTests
{
    [Fact]
    public void ReadmeExample() => VerifyGenerated(TestSources.ReadmeExample);

    [Fact]
    public void ManagementApiUsers() => VerifyGenerated(TestSources.ManagementApiUsers);

    [Fact]
    public void ReturnTypesInternalInterfaceWithoutAttributes() => VerifyGenerated(TestSources.ReturnTypes);

    [Fact]
    public void ApiResponsesAndStreaming() => VerifyGenerated(TestSources.ApiResponsesAndStreaming);

    [Fact]
    public void InheritedAndNestedInterfacesWithAwkwardNames() => VerifyGenerated(TestSources.AwkwardNames);

    [Fact]
    public void GlobalNamespaceAndValueFormatting() => VerifyGenerated(TestSources.ValueFormatting);

    [Fact]
    public void BodiesHeadersAndGenerics() => VerifyGenerated(TestSources.BodiesHeadersAndGenerics);

    [Fact]
    public void QueryObjectsCollectionsAndRoutes() => VerifyGenerated(TestSources.QueryObjectsCollectionsAndRoutes);

    [Fact]
    public void FormsAndHeaderCollections() => VerifyGenerated(TestSources.FormsAndHeaderCollections);

    [Fact]
    public void GenericBaseInterfacesAndAnEmptyDerivedInterface() => VerifyGenerated(TestSources.GenericBaseInterfaces);

    [Fact]
    public void GenericMethodConstraints() => VerifyGenerated(TestSources.GenericMethodConstraints);

    [Fact]
    public void KeywordsAndNamesTheGeneratedCodeUses() => VerifyGenerated(TestSources.KeywordsAndNamesTheGeneratedCodeUses);

    [Fact]
    public void SameNameInThreeNamespaces() => VerifyGenerated(
        TestSources.SameNameInThreeNamespaces,
        TestSources.SameNameInAnotherNamespace,
        TestSources.SameNameInTheGlobalNamespace);

    [Fact]
    public void NestedAndInternalInterfaces() => VerifyGenerated(TestSources.NestedAndInternalInterfaces);

    [Fact]
    public void NullableEnabledAndDisabledContexts() => VerifyGenerated(TestSources.NullableContexts);

    [Fact]
    public void UserPartialClientClass() => VerifyGenerated(TestSources.UserPartialClientClass);

    [Fact]
    public void ScopesAndAnonymousCalls() => VerifyGenerated(TestSources.ScopesAndAnonymousCalls);

    [Fact]
    public void MultipartUploads() => VerifyGenerated(TestSources.MultipartUploads);

    [Fact]
    public void JsonSerializerContextForAot() => VerifyGenerated(TestSources.JsonSerializerContextForAot);

    private static void VerifyGenerated(params string[] sources)
    {
        var run = GeneratorHarness.Run(sources);
        Assert.True(run.GeneratorDiagnostics.IsEmpty && run.CompileErrors.Count == 0, run.Describe());

        var text = string.Join(
            "\n",
            run.GeneratedSources.OrderBy(p => p.Key).Select(p => $"//----- {p.Key}\n{ScrubVersion(p.Value)}"));
        Approvals.Verify(new ApprovalTextWriter(text, "cs"));
    }

    // The generator's version changes with every release; the snapshots should not.
    private static string ScrubVersion(string source)
        => Regex.Replace(source, "(GeneratedCode\\(\"Auth0ClientGen.Generator\", )\"[^\"]+\"", "$1\"<version>\"");
}
