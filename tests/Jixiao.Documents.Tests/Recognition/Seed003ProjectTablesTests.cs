using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>Seed 003: seven project tables, four distinct projects, three published twice with shifted cells.</summary>
public sealed class Seed003ProjectTablesTests
{
    private static readonly IReadOnlyList<PerformanceForm> Forms = Recognize.Seed("003");

    [Fact]
    public void Seven_project_tables_of_four_projects_are_found_with_9_11_8_and_14_rows()
    {
        Assert.Equal(7, Forms.Count);
        Assert.All(Forms, f => Assert.Equal((FormKind.ProjectSelfEvaluation, 2020, "上海市大数据中心", "上海市大数据中心", MoneyUnit.Yuan, false),
            (f.Kind, f.Year, f.Department, f.Unit, f.MoneyUnit, f.Incomplete)));
        Assert.Equal(4, Forms.Select(f => f.Project!.Replace(" ", "", StringComparison.Ordinal)).Distinct().Count());
        Assert.Equal([9, 11, 8, 14, 11, 8, 14], Forms.Select(f => f.Indicators.Count));
        Assert.Equal([99.00m, 90.00m, 94.98m, 94.06m, 90.00m, 94.98m, 94.06m], Forms.Select(f => f.StatedTotal!.Value));
        Assert.All(Forms, f => Assert.Equal(100.00m, f.StatedWeightTotal));
    }

    [Fact]
    public void The_first_table_reads_its_funds_and_rows()
    {
        var f = Forms[0];
        Assert.Equal(("财政项目支出绩效自评表", "“一网通办”及“随申办”运营"), (f.Title, f.Project));
        var total = f.Funds[0];
        Assert.Equal((39090800.00m, 104769000.00m, 104756332.00m, 10.00m, "99.99%", 10.00m),
            (total.InitialBudget, total.Budget, total.Executed, total.Weight, total.StatedRate.ToString(), total.StatedScore));
        Assert.Equal(("上年结转资金", FundsRowRole.Part, (decimal?)null, 0m), (f.Funds[2].Label, f.Funds[2].Role, f.Funds[2].InitialBudget, f.Funds[2].Budget));
        Assert.StartsWith("以实现统一受理、规范服务为目标", f.PlannedGoal);
        Assert.StartsWith("“一网通办”坚持“以用户为中心、以需求为导向”的服务理念", f.ActualGoal);

        var misplaced = f.Indicators[7];
        Assert.Equal(("效益指标", "可持续影响指标", "公共数据安全创新", "100%", "100%", 10.00m, 10.00m),
            (misplaced.Level1, misplaced.Level2, misplaced.Name, misplaced.Target, misplaced.Actual, misplaced.Weight, misplaced.StatedScore));
        var satisfaction = f.Indicators[8];
        Assert.Equal(("满意度指标", "服务对象满意度指标", "个人、企业用户满意度", 9.00m), (satisfaction.Level1, satisfaction.Level2, satisfaction.Name, satisfaction.StatedScore));
    }

    [Fact]
    public void Rows_with_explanations_and_rows_that_lost_their_leading_cells_are_read_in_place()
    {
        var f = Forms[1];
        Assert.Equal("数据运营服务", f.Project);
        var quality = f.Indicators[1];
        Assert.Equal(("质量问题整改率", "≥90%", "80%", 10.00m, 6.00m), (quality.Name, quality.Target, quality.Actual, quality.Weight, quality.StatedScore));
        Assert.Equal("数据质量体系的构建需要进一步完善与细化，数据质量规则还有待优化。", quality.Explanation);
        var sharing = f.Indicators[9];
        Assert.Equal(("效益指标", "可持续影响指标", "数据共享完成率", "≥90%", "基本完成", 10.00m, 10.00m),
            (sharing.Level1, sharing.Level2, sharing.Name, sharing.Target, sharing.Actual, sharing.Weight, sharing.StatedScore));
        var users = f.Indicators[10];
        Assert.Equal(("满意度指标", "服务对象满意度指标", "使用方满意度"), (users.Level1, users.Level2, users.Name));
    }

    [Fact]
    public void The_second_publication_of_a_project_reads_to_the_same_rows_where_its_cells_allow()
    {
        var first = Forms[2];
        var second = Forms[5];
        Assert.Equal(first.Indicators.Select(r => (r.Level2, r.Weight, r.StatedScore)), second.Indicators.Select(r => (r.Level2, r.Weight, r.StatedScore)));
        Assert.Equal(first.Indicators.Select(r => r.Level1), second.Indicators.Select(r => r.Level1));
        var economic = second.Indicators[4];
        Assert.Equal(("效益指标", "经济效益指标", "降低新建信息化项目投入", 20.00m, 15.00m), (economic.Level1, economic.Level2, economic.Name, economic.Weight, economic.StatedScore));
        Assert.StartsWith("因业务特殊性", economic.Explanation);
        Assert.Equal("全年云上核心民生业务系统无因政务云原因发生一起故障", second.Indicators[5].Actual);
        Assert.Equal("年末发生重大故障", second.Indicators[1].Actual);
    }

    [Fact]
    public void A_row_with_one_cell_too_many_is_kept_and_noted()
    {
        var f = Forms[3];
        var row = f.Indicators.Single(r => r.Name == "长效制度建设");
        Assert.Equal(("生态效益指标", "完善", 6.00m, 6.00m), (row.Level2, row.Content, row.Weight, row.StatedScore));
        // Only the target and actual may be shifted: the weight and score were anchored, so sums over them still run.
        var doubt = Assert.Single(f.ReadingDoubts, d => d.Reason == DoubtReason.ShiftedCells);
        Assert.Equal((94, "完善"), (doubt.Row!.Row, doubt.Text));
        Assert.Equal([CellRole.Target, CellRole.Actual], doubt.Cells);
        var twin = Forms[6].Indicators.Single(r => r.Name == "长效制度建设");
        Assert.Equal(("完善", "100%"), (twin.Target, twin.Actual));
        Assert.Equal([5m, 5m, 6m, 5m, 3m], Forms[6].Indicators.Where(r => r.Level2 == "可持续影响指标").Select(r => r.Weight!.Value));
    }
}
