using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>Published mirrors in 繁體: header and field words are understood, values are kept as printed.</summary>
public sealed class TraditionalCharactersTests
{
    private static readonly PerformanceForm Form = Assert.Single(Recognize.Text("""
        項目支出績效自評表
        （2020年度）
        項目名稱 | 道路養護
        主管部門 | 某市交通運輸局 | 實施單位 | 某市公路事務中心
        項目資金（萬元） |  | 年初預算數 | 全年預算數 | 全年執行數 | 分值 | 執行率 | 得分
         | 年度資金總額 | 100 | 100 | 95 | 10 | 95.00% | 9.5
         | 其中：當年財政撥款 | 100 | 100 | 95 |  |  | 
        一級指標 | 二級指標 | 三級指標 | 年度指標值 | 實際完成值 | 分值 | 得分 | 偏差原因分析及改進措施
        產出指標 | 數量指標 | 養護里程 | ≥100公里 | 100公里 | 50 | 50 | 
        效益指標 | 社會效益指標 | 通行滿意率 | ≥90% | 92% | 30 | 30 | 
        滿意度指標 | 服務對象滿意度指標 | 群眾滿意度 | ≥90% | 85% | 10 | 9.44 | 施工影響出行
        總分 |  |  |  |  | 100 | 98.94 | 
        填報人：王某        單位負責人：李某
        """));

    [Fact]
    public void A_traditional_project_table_is_recognised_with_its_header_fields()
    {
        Assert.Equal((FormKind.ProjectSelfEvaluation, 2020, "道路養護", "某市交通運輸局", "某市公路事務中心", MoneyUnit.TenThousandYuan),
            (Form.Kind, Form.Year, Form.Project, Form.Department, Form.Unit, Form.MoneyUnit));
        Assert.Equal(("王某", "李某"), (Form.Filler, Form.Head));
    }

    [Fact]
    public void Traditional_funds_and_indicator_headers_are_read_by_meaning()
    {
        var total = Form.Funds[0];
        Assert.Equal((FundsRowRole.Total, 100m, 100m, 95m, "95.00%", 9.5m), (total.Role, total.InitialBudget, total.Budget, total.Executed, total.StatedRate.ToString(), total.StatedScore));
        Assert.Equal(FundsRowRole.Part, Form.Funds[1].Role);
        Assert.Equal(3, Form.Indicators.Count);
        var last = Form.Indicators[2];
        Assert.Equal(("滿意度指標", "服務對象滿意度指標", "群眾滿意度", "≥90%", "85%", 10m, 9.44m, "施工影響出行"),
            (last.Level1, last.Level2, last.Name, last.Target, last.Actual, last.Weight, last.StatedScore, last.Explanation));
        Assert.Equal((100m, 98.94m), (Form.StatedWeightTotal, Form.StatedTotal));
        Assert.Empty(Form.ReadingDoubts);
    }
}
