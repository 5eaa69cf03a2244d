using System.Text;
using Jixiao.Core.Forms;
using Jixiao.Documents.Docx;
using Jixiao.Documents.Html;
using Jixiao.Documents.Pdf;
using Jixiao.Documents.Recognition;
using Jixiao.Documents.Writers.Html;
using Jixiao.Documents.Xlsx;

namespace Jixiao.Documents.Tests.Writers;

/// <summary>An ex-ante assessment and an evaluation rubric exported as xlsx, docx, html and pdf read back as what was written.</summary>
public sealed class Scoring_sheets_export_and_read_back(PdfRendererFixture pdf) : IClassFixture<PdfRendererFixture>
{
    private static IndicatorRow Item(string section, decimal sectionWeight, string point, string name, decimal weight, decimal score, string? reason) => new()
    {
        Level1 = section, Level1Weight = sectionWeight, Level2 = point, Name = name, Weight = weight, StatedScore = score, Explanation = reason,
        Extra = { ["scoringStandard"] = "依据充分得满分每缺一项扣2分" },
    };

    private static PerformanceForm ExAnte()
    {
        var form = new PerformanceForm
        {
            Kind = FormKind.ExAnteAssessment, Year = 2022, Project = "城区排水管网改造", Department = "某市住房和城乡建设局", Unit = "某市排水管理处",
            MoneyUnit = MoneyUnit.TenThousandYuan, StatedTotal = 84m, StatedGrade = "良",
            Extra = { [ExAnteFields.RequestedAmount] = "1200", [ExAnteFields.Conclusion] = "调减后通过", [ExAnteFields.ReducedAmount] = "960" },
        };
        form.Indicators.Add(Item("立项必要性", 20m, "政策相关性", "符合规划和部门职责", 10m, 10m, null));
        form.Indicators.Add(Item("立项必要性", 20m, "必要可行性", "经过可行性研究和集体决策", 10m, 9m, "缺少风险评估"));
        form.Indicators.Add(Item("投入经济性", 20m, "预算科学性", "预算明细清晰", 10m, 7m, "测算依据不足"));
        form.Indicators.Add(Item("投入经济性", 20m, "经济合理性", "符合支出标准", 10m, 8m, "单价偏高"));
        form.Indicators.Add(Item("绩效目标合理性", 20m, "完整性", "目标完整", 20m, 17m, "缺少成本指标"));
        form.Indicators.Add(Item("实施方案可行性", 20m, "组织实施", "方案可行", 20m, 17m, "进度安排偏紧"));
        form.Indicators.Add(Item("筹资合规性", 20m, "筹资方式", "资金来源合规", 20m, 16m, "配套资金未落实"));
        return form;
    }

    private static PerformanceForm Rubric()
    {
        var form = new PerformanceForm
        {
            Kind = FormKind.Evaluation, Year = 2022, Project = "高标准农田建设", Department = "某县农业农村局", Unit = "某县农田建设服务中心",
            StatedTotal = 88m, StatedGrade = "良",
        };
        form.Indicators.Add(Item("决策", 20m, "项目立项", "立项依据充分性", 10m, 10m, null));
        form.Indicators.Add(Item("决策", 20m, "绩效目标", "绩效目标明确性", 10m, 8m, "指标未细化"));
        form.Indicators.Add(Item("过程", 20m, "资金管理", "资金使用合规性", 20m, 18m, "一笔支出凭证不全"));
        form.Indicators.Add(Item("产出", 30m, "产出数量", "建成面积完成率", 30m, 27m, "完成率90%"));
        form.Indicators.Add(Item("效益", 30m, "项目效益", "受益群众满意度", 30m, 25m, "满意度83%"));
        return form;
    }

    public static TheoryData<string, string> Cases() => new()
    {
        { "evaluation-rubric", "xlsx" }, { "evaluation-rubric", "docx" }, { "evaluation-rubric", "html" },
        { "ex-ante", "xlsx" }, { "ex-ante", "docx" }, { "ex-ante", "html" },
    };

    [Fact]
    public void An_ex_ante_sheet_exports_its_sections_scores_amounts_and_conclusion()
    {
        var form = ExAnte();
        var cells = WrittenFiles.XlsxCells(WrittenFiles.Xlsx(form));
        var text = string.Join("\n", cells);
        foreach (var expected in new[] { "立项必要性", "筹资合规性", "依据充分得满分每缺一项扣2分", "缺少风险评估", "1200", "调减后通过", "960", "良" })
            Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Empty(WrittenFiles.XlsxErrors(WrittenFiles.Xlsx(form)));
        Assert.Empty(WrittenFiles.DocxErrors(WrittenFiles.Docx(form)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_scoring_sheet_reads_back_from_its_export(string kind, string format)
    {
        var form = kind == "ex-ante" ? ExAnte() : Rubric();
        var document = format switch
        {
            "xlsx" => XlsxReader.Read(new MemoryStream(WrittenFiles.Xlsx(form)), "sheet.xlsx"),
            "docx" => DocxReader.Read(new MemoryStream(WrittenFiles.Docx(form)), "sheet.docx"),
            _ => HtmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(FormHtml.Render(form))), "sheet.html"),
        };
        AssertSame(form, Assert.Single(FormRecognizer.Recognize(document)));
    }

    [Fact]
    public async Task A_rubric_reads_back_from_its_pdf()
    {
        Assert.SkipUnless(pdf.Renderer is not null, "needs /usr/bin/chromium and poppler-utils");
        var form = Rubric();
        var bytes = await pdf.Renderer!.RenderAsync(form, TestContext.Current.CancellationToken);
        AssertSame(form, Assert.Single(FormRecognizer.Recognize(PdfReader.Read(new MemoryStream(bytes), "sheet.pdf"))));
    }

    private static void AssertSame(PerformanceForm written, PerformanceForm read)
    {
        Assert.Equal(written.Kind, read.Kind);
        Assert.Equal((written.Project, written.Unit, written.Department), (read.Project, read.Unit, read.Department));
        Assert.Equal((written.StatedTotal, written.StatedGrade), (read.StatedTotal, read.StatedGrade));
        foreach (var role in new[] { ExAnteFields.RequestedAmount, ExAnteFields.Conclusion, ExAnteFields.ReducedAmount })
            Assert.Equal(written.Extra.GetValueOrDefault(role), read.Extra.GetValueOrDefault(role));
        Assert.Equal(written.Indicators.Count, read.Indicators.Count);
        for (var i = 0; i < written.Indicators.Count; i++)
        {
            var (w, r) = (written.Indicators[i], read.Indicators[i]);
            Assert.Equal((w.Level1, w.Level2, w.Name, w.Weight, w.StatedScore, w.Explanation), (r.Level1, r.Level2, r.Name, r.Weight, r.StatedScore, r.Explanation));
            Assert.Equal(w.Extra["scoringStandard"], r.Extra.GetValueOrDefault("scoringStandard"));
        }
        Assert.Empty(read.ReadingDoubts);
    }
}
