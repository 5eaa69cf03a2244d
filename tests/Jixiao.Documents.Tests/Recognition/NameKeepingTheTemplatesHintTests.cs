using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// Units often keep the blank template's hint in an indicator's name ("群众满意度(≥**%)") and write their own target
/// beside it. Such a row was filled and is read; a row whose target is still the hint, or whose name is only 指标N, is
/// the template's and is left out with a note.
/// </summary>
public sealed class NameKeepingTheTemplatesHintTests
{
    private const string Grid = """
        项目支出绩效自评表
        项目名称 | 社区养老服务
        一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分
        产出指标 | 数量指标 | 服务人次 | 20 | 500人次 | 520人次 | 20
        满意度指标 | 服务对象满意度指标 | 老人满意度(≥**%) | 10 | ≥90% | |
        满意度指标 | 服务对象满意度指标 | 家属满意度(≥**%) | 10 | ≥**% | |
        满意度指标 | 服务对象满意度指标 | 指标2 | 10 | 95% | |
        """;

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void A_hinted_name_with_its_own_target_is_read_and_unfilled_rows_are_left_out(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));

        Assert.Equal(["服务人次", "老人满意度(≥**%)"], form.Indicators.Select(i => i.Name));
        Assert.Equal(("≥90%", 10m), (form.Indicators[1].Target, form.Indicators[1].Weight));
        Assert.Equal(2, form.ReadingDoubts.Count(d => d.Reason == DoubtReason.PlaceholderRow));
    }
}
