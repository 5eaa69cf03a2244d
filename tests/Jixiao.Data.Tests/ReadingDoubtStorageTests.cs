using Jixiao.Core.Forms;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;

namespace Jixiao.Data.Tests;

/// <summary>Reading doubts are stored as records in the body; notes stored before they were typed stay readable.</summary>
public sealed class ReadingDoubtStorageTests
{
    private static void SameDoubts(IReadOnlyList<ReadingDoubt> expected, IReadOnlyList<ReadingDoubt> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal((expected[i].Reason, expected[i].Block, expected[i].Row, expected[i].RowLabel, expected[i].Text, expected[i].Assumed, expected[i].Scope),
                (actual[i].Reason, actual[i].Block, actual[i].Row, actual[i].RowLabel, actual[i].Text, actual[i].Assumed, actual[i].Scope));
            Assert.Equal(expected[i].Cells, actual[i].Cells);
        }
    }

    [Fact]
    public void Typed_doubts_survive_the_body_with_their_scope_cells_and_text()
    {
        var form = SampleForms.Full();
        var record = new FormRecord();
        FormRows.Apply(form, record);
        SameDoubts(form.ReadingDoubts, FormRows.ToForm(record).ReadingDoubts);
    }

    [Fact]
    public void Plain_notes_of_the_old_reading_notes_column_read_back_as_form_scope_doubts()
    {
        var doubts = FormJson.DeserializeDoubts("第12行跨页，金额列可能错位\n[第二条]说明");
        var form = new PerformanceForm();
        form.ReadingDoubts.AddRange(doubts);
        Assert.Equal(["第12行跨页，金额列可能错位", "[第二条]说明"], ReadingDoubtText.Sentences(form));
        Assert.All(doubts, d => Assert.Equal((DoubtReason.Unspecified, DoubtScope.Form), (d.Reason, d.Scope)));
    }

    [Fact]
    public void A_version_snapshot_keeps_typed_doubts_and_an_old_snapshot_keeps_its_notes()
    {
        var form = SampleForms.Full();
        SameDoubts(form.ReadingDoubts, FormBody.Read(FormBody.Serialize(form), FormBody.CurrentVersion).ReadingDoubts);

        var old = FormBody.Read("""{"kind":"ProjectSelfEvaluation","readingNotes":["第5行：单元格可能错位"]}""", 1);
        var doubt = Assert.Single(old.ReadingDoubts);
        Assert.Equal((DoubtReason.Unspecified, "第5行：单元格可能错位"), (doubt.Reason, ReadingDoubtText.Describe(doubt)));
    }
}
