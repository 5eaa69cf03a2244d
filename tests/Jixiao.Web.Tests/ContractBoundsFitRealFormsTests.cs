using Jixiao.Documents.Reading;
using Jixiao.Documents.Recognition;
using Jixiao.Tests;
using Jixiao.Web.Features.Contracts;

namespace Jixiao.Web.Tests;

/// <summary>The contract's bounds refuse hostile input, not real forms: every form read from the seeds and the corpus fits.</summary>
public sealed class ContractBoundsFitRealFormsTests
{
    [Fact]
    public void Every_form_read_from_the_seeds_and_the_corpus_passes_the_contract()
    {
        var corpus = Path.GetFullPath(Path.Combine(RepoPaths.Seeds, "..", "corpus"));
        var files = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Concat(Directory.Exists(corpus) ? Directory.GetFiles(corpus, "*.txt") : []).ToList();
        Assert.True(files.Count >= 4, $"{files.Count} files");

        var refused = new List<string>();
        var forms = 0;
        foreach (var file in files)
            foreach (var form in FormRecognizer.Recognize(DocumentReader.ReadFile(file)))
            {
                forms++;
                refused.AddRange(ContractValidation.Validate(FormV1.From(form)).Select(e => $"{Path.GetFileName(file)} {e.Path}: {e.Message}"));
            }

        Assert.True(forms > files.Count / 2, $"{forms} forms from {files.Count} files");
        Assert.Empty(refused);
    }
}
