using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Corpus;

/// <summary>The measure itself: what it calls exact, doubtful, not read and misread, so the ratchet means what it says.</summary>
public class Corpus_measure_counts_facts_as_a_reader_would
{
    private static readonly CorpusExpectation Expectation = CorpusExpectation.Parse("""
        {
          "document": "x.txt", "notes": "hand-made",
          "forms": [{
            "kind": "project-self-evaluation", "project": "示例项目", "year": 2023, "moneyUnit": "万元",
            "funds": [{ "label": "年度资金总额", "budget": 32.4, "executed": 31.69, "weight": 10, "rate": "97.80%", "score": 9 }],
            "indicators": [
              { "name": "★野生动物收容所(≥**平方米)", "target": ">=200平方米", "actual": "204.46平方米", "weight": 10, "score": 10 },
              { "name": "钢结构圈养围栏", "target": { "value": "=100", "doubtful": true, "reason": "cut off" }, "weight": 10 }
            ],
            "statedTotal": 98
          }]
        }
        """, "x.txt.json");

    private static PerformanceForm Form()
    {
        var form = new PerformanceForm { Kind = FormKind.ProjectSelfEvaluation, Project = "示例项目", Year = 2023, MoneyUnit = MoneyUnit.TenThousandYuan, StatedTotal = 98m };
        form.Funds.Add(new FundsRow { Label = "年度资金总额：", Budget = 32.40m, Executed = 31.69m, Weight = 10m, StatedRate = new Percentage(0.978m, 2), StatedScore = 9m });
        form.Indicators.Add(new IndicatorRow { Name = "野生动物收容所（≥**平方米）", Target = "≥ 200 平方米", Actual = "204.46平方米", Weight = 10m, StatedScore = 10m });
        form.Indicators.Add(new IndicatorRow { Name = "钢结构圈养围栏", Target = "=100", Weight = 10m });
        return form;
    }

    [Fact]
    public void A_form_read_as_printed_is_exact_in_every_fact_despite_spacing_full_width_and_comparator_spelling()
    {
        var tally = CorpusMeasure.Measure(Expectation, [Form()]);
        Assert.Equal((12, 0, 0, 0), (tally.Exact, tally.Doubt, tally.NotRead, tally.Misread));
        Assert.Equal((3, 3, 0, 0), (tally.HeaderExact, tally.HeaderTotal, tally.FormsMissed, tally.FormsExtra));
    }

    [Fact]
    public void A_different_value_without_a_note_is_misread_and_with_a_note_is_a_doubt()
    {
        var form = Form();
        form.Funds[0].Executed = 31.96m;
        form.Indicators[1].Target = "100";
        var silent = CorpusMeasure.Measure(Expectation, [form]);
        Assert.Equal(2, silent.Misread);
        Assert.Contains(silent.Misses, m => m.Fact == "target" && m.Read == "100");

        form.ReadingDoubts.Add(new ReadingDoubt { Reason = DoubtReason.ShiftedCells, Block = FormBlock.Form });
        var noted = CorpusMeasure.Measure(Expectation, [form]);
        Assert.Equal((0, 2), (noted.Misread, noted.Doubt));
    }

    [Fact]
    public void A_missed_form_loses_its_facts_and_a_form_the_document_lacks_counts_against_the_reader()
    {
        var missed = CorpusMeasure.Measure(Expectation, []);
        Assert.Equal((1, 12, 0), (missed.FormsMissed, missed.NotRead, missed.Exact));

        var stray = new PerformanceForm { Kind = FormKind.Targets, Project = "别的项目" };
        stray.Funds.Add(new FundsRow { Label = "合计", Budget = 5m });
        var extra = CorpusMeasure.Measure(Expectation, [Form(), stray]);
        Assert.Equal((1, 1), (extra.FormsExtra, extra.Misread));
    }

    [Fact]
    public void A_value_stated_where_the_document_prints_nothing_is_misread()
    {
        var form = Form();
        form.Funds[0].InitialBudget = 32.4m;
        form.Indicators.Add(new IndicatorRow { Name = "指标2", Target = "……" });
        var tally = CorpusMeasure.Measure(Expectation, [form]);
        Assert.Equal(2, tally.Misread);
    }
}
