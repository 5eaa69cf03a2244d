using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Corpus;

/// <summary>
/// A typo in an expectation file must not make a document silently uncounted: every file parses, names a document that
/// exists, and says what kind each form is.
/// </summary>
public class Corpus_expectation_files_are_sound
{
    /// <summary>Kinds the form model does not have yet; their forms are measured all the same.</summary>
    private static readonly string[] NotYetModelled = ["evaluation-rubric", "ex-ante", "transfer-region"];

    [Fact]
    public void Every_expectation_file_parses_and_names_a_document_that_exists()
    {
        var files = Directory.GetFiles(CorpusExpectation.Folder, "*.json");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var expectation = CorpusExpectation.Load(file);
            Assert.True(File.Exists(expectation.DocumentPath), $"{expectation.File}: {expectation.DocumentPath} does not exist");
            Assert.Equal(Path.GetFileName(expectation.Document) + ".json", expectation.File);
            Assert.False(string.IsNullOrWhiteSpace(expectation.Notes), expectation.File + " says nothing about how its layout was read");
            Assert.NotEmpty(expectation.Forms);
            foreach (var form in expectation.Forms)
                Assert.True(FormKinds.FromCode(form.Kind) is not null || NotYetModelled.Contains(form.Kind),
                    $"{expectation.File}: unknown kind '{form.Kind}'");
        }
    }

    [Fact]
    public void Every_printed_grid_has_cells_and_no_two_cells_overlap()
    {
        // Overlapping spans throw while loading; an empty grid would be measured as a document without forms.
        foreach (var expectation in CorpusExpectation.LoadAll().Where(e => e.Grid is not null))
            Assert.Contains(expectation.Grid!, b => b is Grid.CellGrid { Cells.Count: > 0 });
    }
}
