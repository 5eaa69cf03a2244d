using Jixiao.Core.Forms;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Recognition;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// What the xlsx, docx and html readers hand over: cells at their real columns, merged cells once with their spans.
/// The recogniser fills 一级 names down and reads headers under spans as the text layouts.
/// </summary>
public sealed class MergedCellGridTests
{
    private static Cell C(int row, int column, string text, int rs = 1, int cs = 1) =>
        new(row, column, text, rs, cs, new SourcePosition(row + 1, column + 1, "链路租赁"));

    private static readonly CellGrid Grid = new(
    [
        C(0, 0, "项目支出绩效自评表\n（2020年度）", cs: 9),
        C(1, 0, "项目名称"), C(1, 1, "电子政务外网链路租赁", cs: 8),
        C(2, 0, "主管部门"), C(2, 1, "浏阳市数据资源中心", cs: 3), C(2, 4, "实施单位"), C(2, 5, "浏阳市数据资源中心", cs: 4),
        C(3, 0, "项目资金（万元）", rs: 3), C(3, 2, "年初预算数"), C(3, 3, "全年预算数"), C(3, 4, "全年执行数"), C(3, 5, "分值"), C(3, 6, "执行率"), C(3, 7, "得分", cs: 2),
        C(4, 1, "年度资金总额"), C(4, 2, "403.00"), C(4, 3, "403.00"), C(4, 4, "403"), C(4, 5, "10"), C(4, 6, "100.00%"), C(4, 7, "10", cs: 2),
        C(5, 1, "其中：当年财政拨款"), C(5, 2, "403.00"), C(5, 3, "403.00"),
        C(6, 0, "年度总体目标", rs: 2), C(6, 1, "预期目标", cs: 4), C(6, 5, "实际完成情况", cs: 4),
        C(7, 1, "统一全市政务网络管理。", cs: 4), C(7, 5, "全年收集整理25个单位的130个电子证照。", cs: 4),
        C(8, 0, "绩效指标", rs: 5), C(8, 1, "一级指标"), C(8, 2, "二级指标"), C(8, 3, "三级指标"), C(8, 4, "年度指标值"),
        C(8, 5, "实际完成值"), C(8, 6, "分值"), C(8, 7, "得分"), C(8, 8, "偏差原因分析及改进措施"),
        C(9, 1, "产出指标(50分)", rs: 2), C(9, 2, "数量指标（15）"), C(9, 3, "覆盖全市所有市直单位"), C(9, 4, "100.00%"), C(9, 5, "100%"), C(9, 6, "15"), C(9, 7, "15"),
        C(10, 2, "质量指标（35）"), C(10, 3, "网络安全稳定运行"), C(10, 4, "7*24"), C(10, 5, "100%"), C(10, 6, "35"), C(10, 7, "34"), C(10, 8, "一次短时中断"),
        C(11, 1, "效益指标（40分）"), C(11, 2, "社会效益指标（40）"), C(11, 3, "方便群众企业办事"), C(11, 4, "保障业务系统正常运行"), C(11, 5, "100%"), C(11, 6, "40"), C(11, 7, "37"),
        C(12, 1, "总分", cs: 5), C(12, 6, "100"), C(12, 7, "96"),
    ], "链路租赁");

    private static readonly PerformanceForm Form = Assert.Single(FormRecognizer.Recognize(new ReadDocument("x.xlsx", [Grid])));

    [Fact]
    public void Header_fields_funds_and_goals_are_read_at_their_real_columns()
    {
        Assert.Equal((FormKind.ProjectSelfEvaluation, 2020, "电子政务外网链路租赁", "浏阳市数据资源中心", "浏阳市数据资源中心", MoneyUnit.TenThousandYuan),
            (Form.Kind, Form.Year, Form.Project, Form.Department, Form.Unit, Form.MoneyUnit));
        Assert.Equal((403.00m, 403.00m, 403m, 10m, "100.00%", 10m),
            (Form.Funds[0].InitialBudget, Form.Funds[0].Budget, Form.Funds[0].Executed, Form.Funds[0].Weight, Form.Funds[0].StatedRate.ToString(), Form.Funds[0].StatedScore));
        Assert.Equal(("统一全市政务网络管理。", "全年收集整理25个单位的130个电子证照。"), (Form.PlannedGoal, Form.ActualGoal));
    }

    [Fact]
    public void A_merged_first_level_name_is_filled_down_and_sources_keep_the_sheet()
    {
        Assert.Equal(3, Form.Indicators.Count);
        var quality = Form.Indicators[1];
        Assert.Equal(("产出指标", 50m, "质量指标", 35m, "网络安全稳定运行", 35m, 34m, "一次短时中断"),
            (quality.Level1, quality.Level1Weight, quality.Level2, quality.Level2Weight, quality.Name, quality.Weight, quality.StatedScore, quality.Explanation));
        Assert.Equal(new SourcePosition(11, 3, "链路租赁"), quality.Source);
        Assert.Equal((100m, 96m, false), (Form.StatedWeightTotal, Form.StatedTotal, Form.Incomplete));
        Assert.Empty(Form.ReadingDoubts);
    }
}
