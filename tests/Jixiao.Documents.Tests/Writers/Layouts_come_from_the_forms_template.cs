using Jixiao.Core.Forms;
using Jixiao.Core.Templates;
using Jixiao.Documents.Tests.Recognition;
using Jixiao.Documents.Writers.Layout;

namespace Jixiao.Documents.Tests.Writers;

/// <summary>The writers print a form as its template lays it out; a form that names none gets the template its columns fit.</summary>
public sealed class Layouts_come_from_the_forms_template
{
    public static TheoryData<string> Seeds => ["000", "002", "003"];

    private static string Render(TableLayout t) =>
        string.Join("\n", t.Cells.Select(c => c.ToString()).Prepend(string.Join(",", t.ColumnWidths)).Concat(t.Footer).Concat(t.Preamble));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_read_seed_form_prints_the_same_with_or_without_its_template_id(string seed)
    {
        foreach (var form in Recognize.Seed(seed).Where(f => f.Kind != FormKind.Report))
        {
            Assert.NotNull(form.TemplateId);
            var named = Render(FormLayouts.Build(form));
            form.TemplateId = null;
            form.TemplateVersion = null;
            Assert.Equal(named, Render(FormLayouts.Build(form)));
        }
    }

    [Fact]
    public void The_printed_headers_are_the_templates_headers()
    {
        var form = SampleForms.LinkLease();
        var template = TemplateRegistry.BuiltIn.Find("mof-project")!;
        form.TemplateId = template.Id;
        var texts = FormLayouts.Build(form).Cells.Select(c => c.Text).ToHashSet();
        var lexicon = TemplateRegistry.BuiltIn.Lexicon;
        foreach (var column in template.Block("indicators")!.Columns.Where(c => !c.Optional))
            Assert.Contains(column.Header ?? lexicon.Role("indicators", column.Role)!.Header, texts);
        Assert.Contains(template.Block("funds")!.Label + "（" + form.MoneyUnit!.Value.Symbol() + "）", texts);
    }

    [Fact]
    public void Extra_columns_a_template_lists_are_printed_from_the_rows_extra()
    {
        var registry = TemplateRegistry.Load([("extra.json", """
            { "id": "with-coefficient", "version": 1, "kind": "project-self-evaluation", "label": "带得分系数的项目表", "family": "测试", "regions": ["*"],
              "years": { "from": 2021 }, "basis": "测试",
              "blocks": [ { "type": "indicators", "label": "绩效指标",
                            "columns": [ { "role": "level1" }, { "role": "level2" }, { "role": "name" }, { "role": "target" },
                                         { "role": "scoreCoefficient" }, { "role": "weight" }, { "role": "score" } ] },
                          { "type": "total", "label": "总分" } ] }
            """)]);
        var form = new PerformanceForm { Kind = FormKind.ProjectSelfEvaluation, TemplateId = "with-coefficient", TemplateVersion = 1, StatedTotal = 9m };
        var row = new IndicatorRow { Level1 = "产出指标", Level2 = "数量指标", Name = "培训人次", Target = "≥100人次", Weight = 10m, StatedScore = 9m };
        row.Extra["scoreCoefficient"] = "0.9";
        form.Indicators.Add(row);
        var cells = FormLayouts.Build(form, registry).Cells;
        var header = cells.Single(c => c.Text == "得分系数");
        Assert.Contains(cells, c => c.Text == "0.9" && c.Column == header.Column);
    }
}
