using Jixiao.Core.Checks;
using Jixiao.Core.Checks.Execution;
using Jixiao.Core.Forms;
using static Jixiao.Core.Tests.Checks.FormBuilder;

namespace Jixiao.Core.Tests.Checks;

/// <summary>Figures typed by a unit against the budget system's (双监控): what differs is an error naming both and the source.</summary>
public sealed class ImportedExecutionTests
{
    private static ImportedExecution Treasury(decimal? budget, params (int Month, decimal Paid)[] paid) =>
        new(null, budget, paid.ToDictionary(p => p.Month, p => p.Paid), "预算执行导出.csv，2020-12-31 导入");

    [Fact]
    public void A_self_evaluation_stating_more_spent_than_the_treasury_paid_is_an_error_naming_both_figures_and_the_source()
    {
        var form = Project(budget: "4753.66", executed: "4753.66", rate: "100.00%", score: "10.00");

        var finding = Assert.Single(ImportedExecutionFigures.Compare(form, Treasury(47_536_600m, (12, 38_242_600m)), null));

        Assert.Equal(CheckCodes.ExecutionFigureMismatch, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(("4753.66", "3824.26", "全年执行数"), (finding.Stated, finding.Expected, finding.Location.Field));
        Assert.Contains("预算执行导出.csv", finding.Message);
    }

    [Fact]
    public void Figures_that_agree_at_the_typed_precision_and_blank_cells_are_not_findings()
    {
        var rounded = Project(budget: "4754", executed: "3824.3");
        Assert.Empty(ImportedExecutionFigures.Compare(rounded, Treasury(47_536_600m, (12, 38_242_600m)), null));

        var blank = Project();
        blank.Funds[0].Executed = null;
        blank.Funds[0].Budget = null;
        Assert.Empty(ImportedExecutionFigures.Compare(blank, Treasury(1_000_000m, (12, 900_000m)), null));
    }

    [Fact]
    public void A_monitoring_table_is_compared_on_its_own_months_and_its_projection_is_only_filled()
    {
        var form = new PerformanceForm { Kind = FormKind.Monitoring, MoneyUnit = MoneyUnit.Yuan, MonitoringMonths = 6 };
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, Executed = 500m, ForecastExecuted = 1m });
        var imported = Treasury(2000m, (6, 600m), (12, 1900m));

        var expected = ImportedExecutionFigures.Expected(form, imported, 6);
        Assert.Equal([ExecutionField.Budget, ExecutionField.Executed, ExecutionField.ForecastExecuted], expected.Select(e => e.Field));
        Assert.Equal("1-6月执行数", expected[1].Label);
        var finding = Assert.Single(ImportedExecutionFigures.Compare(form, imported, 6));
        Assert.Equal(("500", "600.00"), (finding.Stated, finding.Expected));

        // An export through June says nothing about 1-9月.
        Assert.Empty(ImportedExecutionFigures.Compare(form, Treasury(null, (6, 600m)), 9));
    }

    [Fact]
    public void Forms_without_execution_figures_are_left_alone()
    {
        var targets = new PerformanceForm { Kind = FormKind.Targets };
        targets.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, Budget = 1m });
        Assert.Empty(ImportedExecutionFigures.Expected(targets, Treasury(5m, (12, 5m)), null));
    }
}
