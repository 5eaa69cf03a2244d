using System.CommandLine;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Jixiao.Cli.Export;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests.Export;

public sealed class Export_command_writes_the_selected_forms : IDisposable
{
    // The shape `jixiao check --format json` prints: files with their forms, plain strings for unit and project,
    // statedRate in points beside its printed text, findings with a location string.
    private const string CheckOutput = """
        {
          "files": [
            {
              "path": "seeds/002.txt", "error": null,
              "forms": [
                {
                  "kind": "project-self-evaluation", "kindName": "项目支出绩效自评表", "year": 2020,
                  "title": "2020年项目支出绩效自评表", "project": "全市政务网络链路租赁经费",
                  "department": "浏阳市数据资源中心", "unit": "浏阳市数据资源中心", "moneyUnit": "wan-yuan",
                  "funds": [
                    { "label": "年度资金总额", "role": "total", "initialBudget": 403.00, "budget": 403.00, "executed": 403,
                      "weight": 10, "statedRate": 100, "statedRateText": "100.00%", "statedScore": 10 },
                    { "label": "其中：当年财政拨款", "role": "part", "initialBudget": 403.00, "budget": 403.00 }
                  ],
                  "indicators": [
                    { "level1": "产出指标", "level1Weight": 50, "level2": "质量指标", "level2Weight": 20, "name": "网络安全稳定顺畅高效运行。",
                      "target": "7*24", "actual": "100%", "weight": 20, "statedScore": 19, "explanation": "个别时段网络波动。",
                      "causes": [], "likelihood": null },
                    { "level1": "满意度指标", "level2": "服务对象满意度指标", "name": "社会和人民群众满意度的评价",
                      "target": "满意度达95%", "actual": "大于93%", "weight": 80, "statedScore": 77, "causes": [] }
                  ],
                  "statedWeightTotal": 100, "statedTotal": 96, "basicData": [], "readingNotes": [],
                  "findings": [ { "code": "score-below-weight-no-reason", "severity": "warning", "message": "得分低于分值但未说明原因",
                                  "messageEn": "Score below weight without a reason", "location": "indicators 第2行", "stated": "77" } ]
                },
                {
                  "kind": "department-self-evaluation", "kindName": "部门整体支出绩效自评表", "year": 2020,
                  "unit": "浏阳市数据资源中心", "moneyUnit": "yuan",
                  "funds": [
                    { "label": "资金来源：（1）财政拨款", "role": "source", "budget": 6272512.00, "executed": 11124990.85, "statedRate": 100.00 },
                    { "label": "资金结构：（1）基本支出", "role": "structure", "budget": 1490112.00, "executed": 1625312.00 },
                    { "label": "（2）项目支出", "role": "structure", "budget": 4782400.00, "executed": 9499678.85 }
                  ],
                  "indicators": [], "statedWeightTotal": 100, "statedTotal": 96, "statedGrade": "优", "basicData": [], "readingNotes": [], "findings": []
                }
              ]
            },
            {
              "path": "seeds/003.txt", "error": null,
              "forms": [
                { "kind": "project-self-evaluation", "kindName": "项目支出绩效自评表", "year": 2020, "project": "数据运营服务",
                  "unit": "上海市大数据中心", "moneyUnit": "yuan", "funds": [], "indicators": [], "basicData": [], "readingNotes": [], "findings": [] }
              ]
            }
          ]
        }
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "jixiao-export-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private string Input(string content = CheckOutput, string name = "forms.json")
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content, Encoding.UTF8);
        return path;
    }

    private string Out => Path.Combine(_directory, "out");

    private Task<int> Run(params string[] args) =>
        new RootCommand { ExportCommand.Create() }.Parse(["export", .. args])
            .InvokeAsync(new InvocationConfiguration { Output = _output, Error = _error }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Xlsx_export_writes_one_valid_numbered_workbook_per_form()
    {
        var code = await Run(Input(), "--format", "xlsx", "--out", Out);

        Assert.Equal(0, code);
        var files = Directory.GetFiles(Out).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["01-项目支出绩效自评表-全市政务网络链路租赁经费.xlsx", "02-部门整体支出绩效自评表-浏阳市数据资源中心.xlsx", "03-项目支出绩效自评表-数据运营服务.xlsx"], files);
        foreach (var file in Directory.GetFiles(Out))
        {
            using var document = SpreadsheetDocument.Open(file, false);
            Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken));
        }
        Assert.Contains("已导出 3 张表", _output.ToString());
    }

    [Fact]
    public async Task Csv_export_writes_a_formula_in_a_project_name_as_escaped_text()
    {
        var hostile = CheckOutput.Replace("\"数据运营服务\"", "\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"", StringComparison.Ordinal);
        Assert.NotEqual(CheckOutput, hostile);

        var code = await Run(Input(hostile), "--format", "csv", "--out", Out);

        Assert.Equal(0, code);
        var forms = File.ReadAllText(Path.Combine(Out, "forms.csv"), Encoding.UTF8);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",", forms, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", forms, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unit_and_year_select_the_forms_to_export()
    {
        var code = await Run(Input(), "--format", "docx", "--out", Out, "--unit", "上海市 大数据中心", "--year", "2020");

        Assert.Equal(0, code);
        Assert.Equal(["01-项目支出绩效自评表-数据运营服务.docx"], Directory.GetFiles(Out).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Json_export_keeps_the_stated_rate_and_the_findings_of_the_check_output()
    {
        var code = await Run(Input(), "--format", "json", "--out", Out, "--unit", "浏阳市数据资源中心");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out, "open-data.json")));
        var forms = json.RootElement.GetProperty("forms");
        Assert.Equal(2, forms.GetArrayLength());
        Assert.Equal("100.00", forms[0].GetProperty("funds")[0].GetProperty("statedRate").GetRawText());
        Assert.Equal("score-below-weight-no-reason", forms[0].GetProperty("findings")[0].GetProperty("code").GetString());
        Assert.Equal("indicators 第2行", forms[0].GetProperty("findings")[0].GetProperty("location").GetProperty("block").GetString());
    }

    [Fact]
    public async Task The_exported_open_data_reads_back_as_the_same_forms()
    {
        Assert.Equal(0, await Run(Input(), "--format", "json", "--out", Out));
        var first = File.ReadAllText(Path.Combine(Out, "open-data.json"));
        var again = Path.Combine(_directory, "again");

        Assert.Equal(0, await Run(Path.Combine(Out, "open-data.json"), "--format", "json", "--out", again));

        Assert.Equal(first, File.ReadAllText(Path.Combine(again, "open-data.json")));
    }

    [Fact]
    public async Task Report_export_drafts_one_report_per_unit_and_year_with_its_figures()
    {
        var code = await Run(Input(), "--format", "report", "--out", Out);

        Assert.Equal(0, code);
        var text = File.ReadAllText(Path.Combine(Out, "2020-浏阳市数据资源中心-自评报告草稿.txt"));
        Assert.Contains("全年预算数627.25万元，全年执行数1112.50万元，执行率177.36%", text);
        Assert.Contains("扣1分。原因：个别时段网络波动。", text);
        Assert.True(File.Exists(Path.Combine(Out, "2020-浏阳市数据资源中心-自评报告草稿.docx")));
        Assert.True(File.Exists(Path.Combine(Out, "2020-上海市大数据中心-自评报告草稿.txt")));
    }

    [Fact]
    public async Task Zip_export_bundles_a_units_year_with_an_index()
    {
        var code = await Run(Input(), "--format", "html", "--out", Out, "--zip");

        Assert.Equal(0, code);
        using var zip = ZipFile.OpenRead(Path.Combine(Out, "2020-浏阳市数据资源中心-html.zip"));
        Assert.Equal(["01-项目支出绩效自评表-全市政务网络链路租赁经费.html", "02-部门整体支出绩效自评表-浏阳市数据资源中心.html", "index.csv", "index.html"],
            zip.Entries.Select(e => e.FullName));
        using var reader = new StreamReader(zip.GetEntry("index.csv")!.Open(), Encoding.UTF8);
        var index = reader.ReadToEnd();
        Assert.StartsWith("序号,文件,表名,年度,单位,项目,总分,form_id", index);
        Assert.Contains("1,01-项目支出绩效自评表-全市政务网络链路租赁经费.html,2020年项目支出绩效自评表,2020,浏阳市数据资源中心,全市政务网络链路租赁经费,96.00,frm-", index);
    }

    [Fact]
    public async Task Pdf_export_renders_every_selected_form_with_one_browser()
    {
        Assert.SkipUnless(File.Exists("/usr/bin/chromium"), "needs /usr/bin/chromium");

        var code = await Run(Input(), "--format", "pdf", "--out", Out, "--unit", "浏阳市数据资源中心");

        Assert.Equal(0, code);
        var files = Directory.GetFiles(Out, "*.pdf");
        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.Equal("%PDF-", Encoding.ASCII.GetString(File.ReadAllBytes(f), 0, 5)));
    }

    [Fact]
    public async Task A_seed_document_is_read_recognised_and_exported_and_its_export_reads_back_the_same()
    {
        var direct = Path.Combine(_directory, "direct");
        Assert.Equal(0, await Run(RepoPaths.Seed("003"), "--format", "json", "--out", direct));
        Assert.Equal(0, await Run(RepoPaths.Seed("003"), "--format", "xlsx", "--out", Out));
        var workbooks = Directory.GetFiles(Out, "*.xlsx").Order(StringComparer.Ordinal).ToList();
        Assert.True(workbooks.Count >= 3, $"seed 003 has several project tables, exported {workbooks.Count}");

        using var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(direct, "open-data.json")));
        var forms = expected.RootElement.GetProperty("forms").EnumerateArray().ToList();
        Assert.Equal(forms.Count, workbooks.Count);
        for (var i = 0; i < workbooks.Count; i++)
        {
            var again = Path.Combine(_directory, "again" + i);
            var code = await Run(workbooks[i], "--format", "json", "--out", again);
            Assert.True(code == 0, _error.ToString());
            using var read = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(again, "open-data.json")));
            var back = Assert.Single(read.RootElement.GetProperty("forms").EnumerateArray());
            foreach (var field in new[] { "id", "kind", "year", "project", "unit", "moneyUnit", "funds", "statedTotal", "statedWeightTotal" })
                // DeepEquals compares numbers by value: the sheet prints 0 as 0.00.
                Assert.True(JsonElement.DeepEquals(forms[i].GetProperty(field), back.GetProperty(field)),
                    $"{Path.GetFileName(workbooks[i])} {field}: {forms[i].GetProperty(field).GetRawText()} ≠ {back.GetProperty(field).GetRawText()}");
            Assert.Equal(forms[i].GetProperty("indicators").GetArrayLength(), back.GetProperty("indicators").GetArrayLength());
        }
    }

    [Fact]
    public async Task The_json_of_jixiao_check_exports_the_same_open_data_as_the_document_it_checked()
    {
        using var checkOutput = new StringWriter();
        using var checkError = new StringWriter();
        CliApp.Run(["check", RepoPaths.Seed("002"), "--format", "json"], checkOutput, checkError);
        var checkedJson = Input(checkOutput.ToString(), "checked.json");
        var direct = Path.Combine(_directory, "direct");

        Assert.Equal(0, await Run(RepoPaths.Seed("002"), "--format", "json", "--out", direct));
        Assert.Equal(0, await Run(checkedJson, "--format", "json", "--out", Out));

        using var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(direct, "open-data.json")));
        using var actual = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out, "open-data.json")));
        var before = expected.RootElement.GetProperty("forms").EnumerateArray().ToList();
        var after = actual.RootElement.GetProperty("forms").EnumerateArray().ToList();
        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
            foreach (var field in new[] { "id", "kind", "unit", "project", "moneyUnit", "funds", "indicators", "basicData", "staffing", "statedTotal", "text" })
                Assert.True(JsonElement.DeepEquals(before[i].GetProperty(field), after[i].GetProperty(field)),
                    $"form {i} {field}: {before[i].GetProperty(field).GetRawText()} ≠ {after[i].GetProperty(field).GetRawText()}");
        // The checker's findings come along into the open data.
        Assert.Contains(after, f => f.GetProperty("findings").GetArrayLength() > 0);
    }

    [Fact]
    public async Task A_broken_input_file_gets_a_chinese_message_and_exit_code_2()
    {
        var code = await Run(Input("{ \"files\": [ { \"forms\": [ { \"kind\": ", "broken.json"), "--format", "xlsx", "--out", Out);

        Assert.Equal(2, code);
        Assert.Contains("无法读取", _error.ToString());
        Assert.Contains("不是有效的 JSON", _error.ToString());
        Assert.DoesNotContain("   at ", _error.ToString());
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task A_selection_that_matches_nothing_says_so()
    {
        var code = await Run(Input(), "--format", "csv", "--out", Out, "--year", "2019");

        Assert.Equal(2, code);
        Assert.Contains("没有符合条件的表（年度：2019）（共读到 3 张表）", _error.ToString());
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
