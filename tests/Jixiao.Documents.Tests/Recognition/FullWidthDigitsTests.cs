using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

/// <summary>Full-width digits, as Chinese input methods type them, are digits: "９６分" is a score of 96, never a failure.</summary>
public sealed class FullWidthDigitsTests
{
    private static PerformanceForm Report(string sentence) =>
        Assert.Single(FormRecognizer.Recognize(TextReader.Read(string.Join('\n',
            "某某单位2020年度部门整体支出绩效自评报告",
            "一、部门概况",
            "本单位认真履职，较好地完成了年度工作目标。",
            sentence,
            "某某单位",
            "2021年1月25日"), "report.txt")));

    [Fact]
    public void A_full_width_score_in_a_report_reads_as_its_number()
    {
        var report = Report("经自评，本单位综合得分为９６分，评价等级为“优”。");
        Assert.Equal(FormKind.Report, report.Kind);
        Assert.Equal(96m, report.StatedTotal);
        Assert.Equal("优", report.StatedGrade);
    }

    [Fact]
    public void A_score_in_digits_of_another_script_is_not_read_and_does_not_fail_the_file()
    {
        var report = Report("经自评，本单位综合得分为٩٦分。");
        Assert.Equal(FormKind.Report, report.Kind);
        Assert.Null(report.StatedTotal);
    }
}
