using Jixiao.Core.Forms;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;

namespace Jixiao.Data.Tests;

/// <summary>Reading doubts are stored as records (the ReadingNotes column holds their JSON) and notes stored before stay readable.</summary>
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
    public void Typed_doubts_survive_the_row_mapping_with_their_scope_cells_and_text()
    {
        var form = SampleForms.Full();
        var record = new FormRecord();
        FormRows.Apply(form, record);
        Assert.StartsWith("[", record.ReadingNotes, StringComparison.Ordinal);
        SameDoubts(form.ReadingDoubts, FormRows.ToForm(record).ReadingDoubts);
    }

    [Fact]
    public void Plain_notes_stored_before_doubts_were_typed_read_back_as_form_scope_doubts()
    {
        var record = new FormRecord();
        FormRows.Apply(SampleForms.Full(), record);
        record.ReadingNotes = "第12行跨页，金额列可能错位\n[第二条]说明";
        var back = FormRows.ToForm(record);
        Assert.Equal(["第12行跨页，金额列可能错位", "[第二条]说明"], ReadingDoubtText.Sentences(back));
        Assert.All(back.ReadingDoubts, d => Assert.Equal((DoubtReason.Unspecified, DoubtScope.Form), (d.Reason, d.Scope)));
    }

    [Fact]
    public void A_version_snapshot_keeps_typed_doubts_and_an_old_snapshot_keeps_its_notes()
    {
        var form = SampleForms.Full();
        SameDoubts(form.ReadingDoubts, FormJson.Deserialize(FormJson.Serialize(form)).ReadingDoubts);

        var old = FormJson.Deserialize("""{"kind":"ProjectSelfEvaluation","readingNotes":["第5行：单元格可能错位"]}""");
        var doubt = Assert.Single(old.ReadingDoubts);
        Assert.Equal((DoubtReason.Unspecified, "第5行：单元格可能错位"), (doubt.Reason, ReadingDoubtText.Describe(doubt)));
    }
}
