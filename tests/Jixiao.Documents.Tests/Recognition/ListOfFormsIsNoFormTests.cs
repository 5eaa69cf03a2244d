using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A unit publishes its forms behind a list of them under a form's title (序号 | 项目名称 | 备注, one project per row):
/// the list is no form, and 备注 beside 项目名称 is a column heading, not a project's name.
/// </summary>
public sealed class ListOfFormsIsNoFormTests
{
    private const string Grid = """
        2023年度项目支出绩效自评表
        某县民政局本级项目绩效自评表清单
        序号 | 项目名称 | 备注
        1 | 养老服务补贴资金自评表 |
        2 | 社会救助工作经费自评表 |
        项目支出绩效自评表
        项目名称 | 养老服务补贴资金 | ^ | ^ | ^ | ^ | ^
        主管部门 | 某县民政局 | ^ | 实施单位 | 某县民政局 | ^ | ^
        项目资金(万元) | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
        ^ | 年度资金总额 | 80 | 80 | 72 | 10 | 90% | 9
        """;

    [Theory]
    [MemberData(nameof(PrintedGrid.Formats), MemberType = typeof(PrintedGrid))]
    public void Only_the_form_after_the_list_is_reported(string format)
    {
        var form = Assert.Single(PrintedGrid.Read(format, Grid));

        Assert.Equal((FormKind.ProjectSelfEvaluation, "养老服务补贴资金"), (form.Kind, form.Project));
        Assert.Equal((80m, 72m), (form.Funds[0].Budget, form.Funds[0].Executed));
    }
}
