using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using static Jixiao.Core.Tests.Checks.FormBuilder;

namespace Jixiao.Core.Tests.Checks;

/// <summary>Forms nobody here has seen: the checker must never throw, and must not invent findings from nothing.</summary>
public class OddInputTests
{
    [Fact]
    public void An_empty_form_of_every_kind_is_checked_without_error_findings()
    {
        foreach (var kind in Enum.GetValues<FormKind>())
        {
            var findings = Check(new PerformanceForm { Kind = kind });
            // An empty 自评报告 is the one empty form that is wrong as such (issue 15 item 14): nothing else is invented.
            Assert.DoesNotContain(findings, f => f.Severity == Severity.Error && !(kind == FormKind.Report && f.Code == CheckCodes.ReportEmpty));
        }
    }

    [Fact]
    public void Zero_negative_and_enormous_values_and_odd_text_do_not_break_any_rule()
    {
        var form = Project("x", "0", "-5", "0%", "-1");
        form.Funds[0].Weight = 0m;
        form.Funds.Add(new FundsRow { Label = "", Role = FundsRowRole.Source, Budget = 79_228_162_514_264_337_593_543_950_335m, Executed = 1m, StatedRate = new Percentage(0.000000001m, 7) });
        form.Indicators.Add(Row("", "", "", "≥0%", "-3%", "0", "0"));
        form.Indicators.Add(Row("产出指标", "数量指标", "x", "<=10E-7", "0", "-2", "5"));
        form.Indicators.Add(Row("产出指标", "质量指标", "y", "80%-90%", "95%", "10", "9"));
        form.Indicators.Add(new IndicatorRow { Name = "z", Target = "\u0001\u0000", Actual = new string('9', 40) + "%", Weight = 1m, StatedScore = 2m });
        form.StatedTotal = 1m;
        form.StatedGrade = "？？";
        form.ReadingDoubts.Add(ReadingDoubt.Legacy("第"));
        form.BasicData.Add(new BasicDataRow { Label = "三公经费", Depth = 0, Final = 1m });
        form.BasicData.Add(new BasicDataRow { Label = "其中：", Depth = 3, Final = 5m });
        form.Staffing = new StaffingBlock { Authorized = 0m, Actual = 3m, StatedControlRate = P("100%") };
        var report = new PerformanceForm
        {
            Kind = FormKind.Report,
            Text = "其中1,2345万元、99999999999999999999999999999999万元，占比%。增幅0.00%。本年度预算执行率100%，等级为优。\n\n\n" + new string('，', 500),
        };
        var results = Checker.Check([new DocumentForm("a", form), new DocumentForm("a", form), new DocumentForm("a", report)], Rulebook);
        Assert.Equal(3, results.Count);
    }

    [Fact]
    public void A_report_with_no_figures_raises_nothing() =>
        Assert.Empty(Check(new PerformanceForm
        {
            Kind = FormKind.Report,
            Text = "一、部门概况\n本单位认真履职，较好地完成了年度工作目标。\n二、预算执行情况\n预算执行较好。\n三、绩效目标完成情况\n目标基本完成。\n"
                + "四、存在的问题\n无。\n五、改进措施\n无。\n六、自评等级\n优。",
        }));
}
