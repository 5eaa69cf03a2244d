using Jixiao.Core.Checks;
using Jixiao.Core.Rulebooks;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Recognition;
using Jixiao.Documents.Writers.Report;
using Jixiao.Tests;

namespace Jixiao.Documents.Tests.Writers;

public sealed class Report_draft_passes_the_checkers_report_rules
{
    private static readonly string[] ReportCodes = [CheckCodes.ShareMismatch, CheckCodes.SubtotalMismatch, CheckCodes.ReportTableMismatch];

    [Fact]
    public void The_seed_002_units_draft_read_with_its_tables_has_no_share_subtotal_or_report_table_mismatch()
    {
        var tables = new[] { SampleForms.LinkLease(), SampleForms.DepartmentWide(), SampleForms.BasicData() };
        var draft = ReportDrafts.Build(tables, SampleForms.Unit, 2020);
        var forms = tables.Select(t => new DocumentForm("tables.xlsx", t)).Append(new DocumentForm("report.docx", draft.ToForm())).ToList();

        var report = Checker.Check(forms, Rulebooks.Default).Single(r => r.Form.Kind == Jixiao.Core.Forms.FormKind.Report);

        Assert.DoesNotContain(report.Findings, f => ReportCodes.Contains(f.Code));
    }

    [Fact]
    public void The_draft_from_the_real_seed_002_tables_has_no_share_subtotal_or_report_table_mismatch()
    {
        var tables = FormRecognizer.Recognize(DocumentReader.ReadFile(RepoPaths.Seed("002")))
            .Where(f => f.Kind != Jixiao.Core.Forms.FormKind.Report).ToList();
        var draft = ReportDrafts.Build(tables, "浏阳市数据资源中心", 2020);
        var forms = tables.Select(t => new DocumentForm("002.txt", t)).Append(new DocumentForm("draft.docx", draft.ToForm())).ToList();

        var report = Checker.Check(forms, Rulebooks.Default).Single(r => r.Form.Kind == Jixiao.Core.Forms.FormKind.Report);

        Assert.DoesNotContain(report.Findings, f => ReportCodes.Contains(f.Code));
        // The seed's department table prints 11,124,990.85 of 6,272,512.00 without naming its unit: the draft keeps the
        // amounts as stated, says the unit is missing, and computes the rate from them.
        Assert.Contains("全年预算数6272512.00（金额单位未注明），全年执行数11124990.85（金额单位未注明），执行率177.36%", draft.ToText());
        Assert.Contains("自评得分96分", draft.ToText());
    }

    [Fact]
    public void A_report_with_a_retyped_rate_is_caught_by_the_same_rules()
    {
        var tables = new[] { SampleForms.LinkLease(), SampleForms.DepartmentWide() };
        var draft = ReportDrafts.Build(tables, SampleForms.Unit, 2020).ToForm();
        // The seed-001 mistake: a rate retyped by hand that its own amounts do not give.
        draft.Text = draft.Text!.Replace("执行率177.36%", "执行率77.36%", StringComparison.Ordinal);
        var forms = tables.Select(t => new DocumentForm("tables.xlsx", t)).Append(new DocumentForm("report.docx", draft)).ToList();

        var report = Checker.Check(forms, Rulebooks.Default).Single(r => r.Form.Kind == Jixiao.Core.Forms.FormKind.Report);

        Assert.Contains(report.Findings, f => ReportCodes.Contains(f.Code));
    }
}
