using System.Text.Json;
using Jixiao.Data.Forms;
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

    /// <summary>
    /// A save answers with the form it was sent rather than the body it wrote parsed again (FormBody.Share): for every
    /// form of the seeds and the corpus, as the API sends it, the two show the same.
    /// </summary>
    [Fact]
    public void A_saved_form_shows_as_its_stored_body_reads_back()
    {
        var corpus = Path.GetFullPath(Path.Combine(RepoPaths.Seeds, "..", "corpus"));
        var files = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Concat(Directory.Exists(corpus) ? Directory.GetFiles(corpus, "*.txt") : []).ToList();

        var differ = new List<string>();
        foreach (var file in files)
            foreach (var read in FormRecognizer.Recognize(DocumentReader.ReadFile(file)))
            {
                var sent = FormV1.From(read).ToForm();
                var stored = FormBody.Read(FormBody.Serialize(sent), FormBody.CurrentVersion);
                if (JsonSerializer.Serialize(FormV1.From(sent), Json.Options) != JsonSerializer.Serialize(FormV1.From(stored), Json.Options))
                    differ.Add($"{Path.GetFileName(file)} {read.Kind} {read.Project}");
            }

        Assert.Empty(differ);
    }
}
