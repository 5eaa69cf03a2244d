using System.Text.Json;
using Jixiao.Core.Forms;
using Jixiao.Data.Forms;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Recognition;
using Jixiao.Tests;
using Jixiao.Web.Features.Contracts;

namespace Jixiao.Web.Tests;

/// <summary>The contract's bounds refuse hostile input, not real forms: every form read from the seeds and the corpus fits.</summary>
public sealed class ContractBoundsFitRealFormsTests
{
    /// <summary>The text files of the seeds and the corpus (read in place), each with the forms recognised in it.</summary>
    private static readonly Lazy<List<(string File, List<PerformanceForm> Forms)>> RealForms = new(() =>
    {
        var corpus = Path.GetFullPath(Path.Combine(RepoPaths.Seeds, "..", "corpus"));
        return Directory.GetFiles(RepoPaths.Seeds, "*.txt").Concat(Directory.Exists(corpus) ? Directory.GetFiles(corpus, "*.txt") : [])
            .Select(file => (Path.GetFileName(file), FormRecognizer.Recognize(DocumentReader.ReadFile(file)).ToList())).ToList();
    });

    [Fact]
    public void Every_form_read_from_the_seeds_and_the_corpus_passes_the_contract()
    {
        var files = RealForms.Value;
        Assert.True(files.Count >= 4, $"{files.Count} files");

        var forms = files.Sum(f => f.Forms.Count);
        var refused = files.SelectMany(f => f.Forms.SelectMany(form =>
            ContractValidation.Validate(FormV1.From(form)).Select(e => $"{f.File} {e.Path}: {e.Message}"))).ToList();

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
        var differ = new List<string>();
        foreach (var (file, forms) in RealForms.Value)
            foreach (var read in forms)
            {
                var sent = FormV1.From(read).ToForm();
                var stored = FormBody.Read(FormBody.Serialize(sent), FormBody.CurrentVersion);
                if (JsonSerializer.Serialize(FormV1.From(sent), Json.Options) != JsonSerializer.Serialize(FormV1.From(stored), Json.Options))
                    differ.Add($"{file} {read.Kind} {read.Project}");
            }

        Assert.NotEmpty(RealForms.Value.SelectMany(f => f.Forms));
        Assert.Empty(differ);
    }
}
