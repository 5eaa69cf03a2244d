using System.Text;
using System.Text.Json;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Documents.Writers.OpenData;
using Jixiao.Tests;

namespace Jixiao.Documents.Tests.Writers;

public sealed class Open_data_follows_its_schema_and_keeps_identifiers
{
    private static readonly Finding Missing = new("score-below-weight-no-reason", Severity.Warning, "得分低于分值但未说明偏差原因",
        "Score below weight without a reason", new FindingLocation("indicators", 6, "explanation", "保障全市网上办公"), "9", null, null);

    private static IReadOnlyList<PublishedForm> Published() =>
        SampleForms.All().Select((f, i) => new PublishedForm(f, i == 0 ? [Missing] : [])).ToList();

    private static JsonDocument Json(IReadOnlyList<PublishedForm> forms)
    {
        using var stream = new MemoryStream();
        OpenDataJson.Write(forms, stream);
        return JsonDocument.Parse(stream.ToArray());
    }

    private static SchemaValidator Schema() =>
        new(JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "open-data.schema.json"))).RootElement);

    [Fact]
    public void The_json_of_every_sample_form_validates_against_the_published_schema()
    {
        using var json = Json(Published());

        Assert.Empty(Schema().Validate(json.RootElement));
        Assert.Equal(SampleForms.All().Count, json.RootElement.GetProperty("forms").GetArrayLength());
    }

    [Fact]
    public void The_schema_check_rejects_a_form_with_a_missing_field_or_a_bad_kind()
    {
        using var json = Json(Published());
        var text = json.RootElement.GetRawText()
            .Replace("\"kind\": \"project-self-evaluation\"", "\"kind\": \"project\"", StringComparison.Ordinal)
            .Replace("\"statedTotal\":", "\"statedTotalX\":", StringComparison.Ordinal);

        var errors = Schema().Validate(JsonDocument.Parse(text).RootElement);

        Assert.Contains(errors, e => e.Contains("is not one of", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("missing 'statedTotal'", StringComparison.Ordinal));
    }

    [Fact]
    public void Amounts_and_rates_keep_their_printed_values()
    {
        using var json = Json([new PublishedForm(SampleForms.ShanghaiProject())]);
        var total = json.RootElement.GetProperty("forms")[0].GetProperty("funds")[0];

        Assert.Equal(42_456_311.08m, total.GetProperty("executed").GetDecimal());
        Assert.Equal(99.79m, total.GetProperty("statedRate").GetDecimal());
        Assert.Equal("yuan", json.RootElement.GetProperty("forms")[0].GetProperty("moneyUnit").GetString());
    }

    [Fact]
    public void A_project_keeps_its_identifiers_from_one_year_to_the_next_despite_full_width_brackets_and_spaces()
    {
        var year2020 = SampleForms.ShanghaiProject();
        var year2021 = SampleForms.ShanghaiProject();
        year2021.Year = 2021;
        year2021.Project = "上海市政务云基础设施服务费（运维）";
        year2021.Unit = "上海市 大数据中心";

        Assert.Equal(StableIds.Organisation(year2020.Unit), StableIds.Organisation(year2021.Unit));
        Assert.Equal(StableIds.Project(year2020.Unit, year2020.Project), StableIds.Project(year2021.Unit, year2021.Project));
        Assert.Equal(StableIds.Indicators(year2020), StableIds.Indicators(year2021));
        Assert.NotEqual(StableIds.Form(year2020), StableIds.Form(year2021));
    }

    [Fact]
    public void Different_projects_and_repeated_indicator_rows_get_different_identifiers()
    {
        var form = SampleForms.WangchengDepartment();
        form.Indicators.Add(form.Indicators[0]);

        var ids = StableIds.Indicators(form);

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.EndsWith("-2", ids[^1]);
        Assert.NotEqual(StableIds.Project("浏阳市数据资源中心", "链路租赁经费"), StableIds.Project("浏阳市数据资源中心", "安全监控经费"));
    }

    [Fact]
    public void The_csv_files_open_in_excel_with_their_chinese_and_quoted_commas()
    {
        var forms = Published();
        var directory = Path.Combine(Path.GetTempPath(), "jixiao-csv-" + Guid.NewGuid().ToString("N"));
        try
        {
            OpenDataCsv.WriteAll(forms, directory);

            var formsBytes = File.ReadAllBytes(Path.Combine(directory, OpenDataCsv.FormsFile));
            Assert.Equal([0xEF, 0xBB, 0xBF], formsBytes[..3]);
            var formLines = Lines(Path.Combine(directory, OpenDataCsv.FormsFile));
            Assert.Equal(string.Join(',', OpenDataCsv.FormColumns), formLines[0]);
            Assert.Equal(forms.Count + 1, formLines.Count);
            Assert.Contains(formLines, l => l.Contains(",wan-yuan,403,403,403,100.00,100,96,,9,1,false", StringComparison.Ordinal));

            var indicatorLines = Lines(Path.Combine(directory, OpenDataCsv.IndicatorsFile));
            Assert.Equal(forms.Sum(f => f.Form.Indicators.Count) + 1, indicatorLines.Count);
            // "链路租赁费、日常监测、安全运维。" has no comma; the first row's name has commas and must be quoted.
            Assert.Contains(indicatorLines, l => l.Contains("\"带宽总共3G，政务网络覆盖全市所有市直单位，32个乡镇街道，323个村社区。\"", StringComparison.Ordinal)
                || l.Contains(",带宽总共3G，政务网络覆盖全市所有市直单位，32个乡镇街道，323个村社区。,", StringComparison.Ordinal));

            var findingLines = Lines(Path.Combine(directory, OpenDataCsv.FindingsFile));
            Assert.Equal(2, findingLines.Count);
            Assert.StartsWith(StableIds.Form(forms[0].Form) + ",score-below-weight-no-reason,warning,", findingLines[1]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_field_with_a_comma_quote_or_line_break_is_quoted_as_rfc_4180_says()
    {
        var form = SampleForms.All()[0];
        form.Title = "a,b";
        form.Unit = "say \"优\"";
        form.Project = "two\nlines";
        form.StatedGrade = "plain";
        using var stream = new MemoryStream();
        OpenDataCsv.WriteForms([new PublishedForm(form, [])], stream);
        var text = Encoding.UTF8.GetString(stream.ToArray());

        Assert.Contains(",\"a,b\",", text, StringComparison.Ordinal);
        Assert.Contains(",\"say \"\"优\"\"\",", text, StringComparison.Ordinal);
        Assert.Contains(",\"two\nlines\",", text, StringComparison.Ordinal);
        Assert.Contains(",plain,", text, StringComparison.Ordinal);
    }

    private static List<string> Lines(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        return text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
