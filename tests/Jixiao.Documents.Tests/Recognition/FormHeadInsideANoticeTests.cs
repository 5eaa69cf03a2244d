using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>
/// A 下达 notice whose attached targets form was pasted into the same paragraph with nothing between its cells, cut after
/// its amounts: the form opens at the title a header field word follows (not at the titles the notice's sentences name),
/// its project is the words up to the next field word, and each amount is read under the funds-row label before it.
/// </summary>
public sealed class A_form_head_run_into_a_notice_is_read_from_its_labels
{
    private const string Notice =
        "各镇财政所、农业服务中心:为做好2024年农机购置补贴工作,根据上级有关文件精神,现将2024年农机购置补贴资金120万元(附件1)下达给你们,"
        + "请各镇按照资金管理办法和绩效目标(附件2)做好补贴发放工作,加强资金监管,确保资金安全有效,附件:1.2024年农机购置补贴资金分配表"
        + "2.2024年农机购置补贴资金绩效目标表某县农业农村局2024年3月1日附件2农机购置补贴资金绩效目标表(2024年度)项目名称农机购置补贴"
        + "主管部门(单位)名称及部门预算编码204县农业农村局资金情况(万元)资金总额:120其中:财政拨款100其他资金20总体目标落实农机购置补贴政策";

    private static IReadOnlyList<PerformanceForm> Read() => FormRecognizer.Recognize(TextReader.Read(Notice, "notice.txt"));

    [Fact]
    public void The_form_opens_at_its_title_and_reads_its_project_and_amounts()
    {
        var form = Assert.Single(Read());

        Assert.Equal(FormKind.Targets, form.Kind);
        Assert.Equal(2024, form.Year);
        Assert.Equal("农机购置补贴", form.Project);
        Assert.Equal([("资金总额:", 120m), ("其中:财政拨款", 100m), ("其他资金", 20m)],
            form.Funds.Select(f => (f.Label!, f.Budget!.Value)));
    }

    [Fact]
    public void A_code_number_beside_a_field_word_is_no_amount()
    {
        var form = Assert.Single(Read());

        Assert.DoesNotContain(form.Funds, f => f.Budget == 204m);
    }

    [Fact]
    public void A_title_named_only_in_the_notice_with_no_field_after_it_opens_nothing()
    {
        var text = Notice[..Notice.IndexOf("附件2农机", StringComparison.Ordinal)];

        Assert.Empty(FormRecognizer.Recognize(TextReader.Read(text, "notice.txt")));
    }
}
