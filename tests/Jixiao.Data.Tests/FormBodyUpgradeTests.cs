using System.Text.Json.Nodes;
using Jixiao.Core.Forms;
using Jixiao.Data.Forms;

namespace Jixiao.Data.Tests;

/// <summary>Every stored shape of a form still reads: each upgrade step on a stored sample of the shape before it.</summary>
public sealed class FormBodyUpgradeTests
{
    private static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", name));

    [Fact]
    public void A_shape_1_body_with_reading_notes_reads_with_every_field_and_the_notes_as_doubts()
    {
        var form = FormBody.Read(Sample("form-body-v1.json"), 1);

        Assert.Equal((FormKind.Monitoring, 2020, "政务云平台运维服务", MoneyUnit.TenThousandYuan, 6), (form.Kind, form.Year, form.Project, form.MoneyUnit, form.MonitoringMonths));
        var funds = Assert.Single(form.Funds);
        Assert.Equal((25.0000m, 21.5457m, new Percentage(0.8618m, 2), new SourcePosition(5, 1)), (funds.Budget, funds.Executed, funds.StatedRate, funds.Source));
        var indicator = Assert.Single(form.Indicators);
        Assert.Equal((DeviationCauses.Funding | DeviationCauses.Staff, CompletionLikelihood.Possible), (indicator.Causes, indicator.Likelihood));
        Assert.Equal(["第12行跨页，金额列可能错位", "表格在第3页被截断"], ReadingDoubtText.Sentences(form));
    }

    [Fact]
    public void Step_1_to_2_moves_notes_to_doubts_and_leaves_the_stored_node_alone()
    {
        var stored = (JsonObject)JsonNode.Parse(Sample("form-body-v1.json"))!;

        var upgraded = FormBodyUpgrade.From1To2(stored);

        Assert.Null(upgraded["readingNotes"]);
        Assert.Equal(2, upgraded["readingDoubts"]!.AsArray().Count);
        Assert.NotNull(stored["readingNotes"]);
    }

    [Fact]
    public void Step_1_to_2_keeps_typed_doubts_a_snapshot_already_had()
    {
        var form = SampleForms.Full();
        var stored = (JsonObject)JsonNode.Parse(FormBody.Serialize(form))!;
        stored["readingNotes"] = new JsonArray("旧说明");

        var back = FormBody.Read(stored.ToJsonString(), 1);

        Assert.Equal(ReadingDoubtText.Sentences(form), ReadingDoubtText.Sentences(back));
    }

    [Fact]
    public void A_body_of_the_current_shape_reads_back_unchanged()
    {
        var form = SampleForms.Full();
        Assert.Empty(FormDiff.Compare(form, FormBody.Read(FormBody.Serialize(form), FormBody.CurrentVersion)));
    }

    [Fact]
    public void A_shared_read_gives_the_stored_text_s_form_and_a_changed_text_its_own()
    {
        var form = SampleForms.Full();
        var stored = FormBody.Serialize(form);
        var shared = FormBody.ReadShared(stored, FormBody.CurrentVersion);
        Assert.Empty(FormDiff.Compare(form, shared));
        Assert.Same(shared, FormBody.ReadShared(stored, FormBody.CurrentVersion));

        form.Indicators[0].Actual = "已改";
        var changed = FormBody.ReadShared(FormBody.Serialize(form), FormBody.CurrentVersion);
        Assert.Equal("已改", changed.Indicators[0].Actual);
        Assert.NotEqual("已改", shared.Indicators[0].Actual);
        // An older shape's text is read in its own shape, not found under the current one.
        Assert.Equal(FormBody.Read(Sample("form-body-v1.json"), 1).ReadingDoubts.Count, FormBody.ReadShared(Sample("form-body-v1.json"), 1).ReadingDoubts.Count);
    }

    [Fact]
    public void A_body_of_a_newer_shape_than_this_program_knows_is_refused_with_a_reason()
    {
        var e = Assert.Throws<InvalidOperationException>(() => FormBody.Read("{}", FormBody.CurrentVersion + 1));
        Assert.Contains("请升级程序", e.Message, StringComparison.Ordinal);
    }
}
