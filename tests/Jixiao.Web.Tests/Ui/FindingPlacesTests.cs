using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Web.Ui;

namespace Jixiao.Web.Tests.Ui;

public sealed class A_finding_on_an_imported_form_names_the_forms_row_not_the_files_line
{
    private static Finding At(string block, int? row, string field, string? label = null) =>
        new("missing-value", Severity.Warning, "…", "…", new FindingLocation(block, row, field, label));

    [Fact]
    public void An_indicator_read_from_line_679_is_the_forms_third_row()
    {
        var form = new PerformanceForm();
        form.Indicators.Add(new IndicatorRow { Name = "a", Source = new SourcePosition(675, 0) });
        form.Indicators.Add(new IndicatorRow { Name = "b", Source = new SourcePosition(677, 0) });
        form.Indicators.Add(new IndicatorRow { Name = "档案数量", Source = new SourcePosition(679, 0) });
        var where = FindingPlaces.Where(At(Blocks.Indicators, 679, "得分", "档案数量"), form);
        Assert.Equal("绩效指标“档案数量” 第3行 得分", where);
        Assert.DoesNotContain("679", where, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_of_a_form_typed_in_the_editor_keeps_its_number()
    {
        var form = new PerformanceForm();
        form.Indicators.Add(new IndicatorRow { Name = "a" });
        form.Indicators.Add(new IndicatorRow { Name = "b" });
        Assert.Equal("绩效指标“b” 第2行 得分", FindingPlaces.Where(At(Blocks.Indicators, 2, "得分", "b"), form));
    }

    [Fact]
    public void A_sentence_of_a_report_is_a_sentence() =>
        Assert.Equal("报告正文 第5句 等级", FindingPlaces.Where(At(Blocks.Report, 5, "等级"), new PerformanceForm { Kind = FormKind.Report }));
}
