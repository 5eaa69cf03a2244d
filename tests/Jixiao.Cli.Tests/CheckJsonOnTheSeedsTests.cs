using System.Text.Json;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests;

/// <summary><c>jixiao check ../shared/seeds --format json</c> finds exactly the forms of the issue, with every indicator row.</summary>
public sealed class CheckJsonOnTheSeedsTests
{
    private static readonly CliResult Result = CliRun.Run("check", RepoPaths.Seeds, "--format", "json");

    private static JsonElement File(string number) =>
        Result.Json.GetProperty("files").EnumerateArray().Single(f => Path.GetFileName(f.GetProperty("path").GetString()!).StartsWith(number + "_", StringComparison.Ordinal));

    private static JsonElement[] Forms(string number) => File(number).GetProperty("forms").EnumerateArray().ToArray();

    private static string[] Kinds(string number) => Forms(number).Select(f => f.GetProperty("kind").GetString()!).ToArray();

    private static int Rows(JsonElement form) => form.GetProperty("indicators").GetArrayLength();

    [Fact]
    public void Every_seed_is_read_without_error_and_their_real_errors_make_the_exit_code_1()
    {
        Assert.Equal(1, Result.ExitCode);
        Assert.Equal("", Result.Error);
        var files = Result.Json.GetProperty("files").EnumerateArray().ToArray();
        Assert.Equal(4, files.Length);
        Assert.All(files, f => Assert.Equal(JsonValueKind.Null, f.GetProperty("error").ValueKind));
    }

    [Fact]
    public void Seed_000_is_one_department_wide_table_with_the_a_b_c_funds_and_its_stated_total()
    {
        var form = Assert.Single(Forms("000"));
        Assert.Equal("department-self-evaluation", form.GetProperty("kind").GetString());
        var funds = form.GetProperty("funds")[0];
        Assert.Equal((868m, 2032m, 0m), (funds.GetProperty("budget").GetDecimal(), funds.GetProperty("executed").GetDecimal(), funds.GetProperty("transfer").GetDecimal()));
        Assert.Equal("234.00%", funds.GetProperty("statedRateText").GetString());
        Assert.Equal("0.00", funds.GetProperty("statedScore").GetRawText());
        Assert.Equal("90.00", form.GetProperty("statedTotal").GetRawText());
        Assert.Equal(22, Rows(form));
        Assert.Equal("wan-yuan", form.GetProperty("moneyUnit").GetString());
    }

    [Fact]
    public void Seed_000_shows_the_computed_rate_beside_the_stated_one_and_the_finding_about_it()
    {
        var form = Assert.Single(Forms("000"));
        var funds = form.GetProperty("funds")[0];
        Assert.Equal(234.00m, funds.GetProperty("statedRate").GetDecimal());
        Assert.Equal(234.10m, funds.GetProperty("rate").GetDecimal());
        var finding = form.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "execution-rate-mismatch");
        Assert.Equal(("error", "234.00%", "234.10%"), (finding.GetProperty("severity").GetString(), finding.GetProperty("stated").GetString(), finding.GetProperty("expected").GetString()));
    }

    [Fact]
    public void Seed_001_is_one_report_of_the_wangcheng_data_centre_for_2020()
    {
        var form = Assert.Single(Forms("001"));
        Assert.Equal(("report", "长沙市望城区数据资源中心", 2020), (form.GetProperty("kind").GetString(), form.GetProperty("unit").GetString(), form.GetProperty("year").GetInt32()));
        Assert.Equal(JsonValueKind.Null, form.GetProperty("total").ValueKind);
        Assert.Empty(form.GetProperty("indicators").EnumerateArray());
    }

    [Fact]
    public void Seed_002_holds_a_report_basic_data_monitoring_project_and_department_wide_table()
    {
        Assert.Equal(["report", "department-basic-data", "monitoring", "project-self-evaluation", "department-self-evaluation"], Kinds("002"));
        var forms = Forms("002");

        var monitoring = forms[2];
        Assert.Equal(2021, monitoring.GetProperty("year").GetInt32());
        var budget = monitoring.GetProperty("funds")[0];
        Assert.Equal((32.68m, 0m), (budget.GetProperty("initialBudget").GetDecimal(), budget.GetProperty("executed").GetDecimal()));
        Assert.Equal(9, Rows(monitoring));
        Assert.Equal("certain", monitoring.GetProperty("indicators")[0].GetProperty("likelihood").GetString());

        var project = forms[3];
        Assert.Contains("链路租赁", project.GetProperty("project").GetString());
        var total = project.GetProperty("funds")[0];
        Assert.Equal((403m, 403m, 403m), (total.GetProperty("initialBudget").GetDecimal(), total.GetProperty("budget").GetDecimal(), total.GetProperty("executed").GetDecimal()));
        Assert.Equal(9, Rows(project));
        Assert.Equal(96m, project.GetProperty("statedTotal").GetDecimal());

        var department = forms[4];
        Assert.Equal(22, Rows(department));
        Assert.Equal(["投入管理", "产出指标", "效益指标"], department.GetProperty("indicators").EnumerateArray().Select(r => r.GetProperty("level1").GetString()).Distinct());
        Assert.Equal(96m, department.GetProperty("statedTotal").GetDecimal());
    }

    [Fact]
    public void Seed_003_holds_seven_project_tables_of_four_projects()
    {
        var forms = Forms("003");
        Assert.All(forms, f => Assert.Equal("project-self-evaluation", f.GetProperty("kind").GetString()));
        Assert.Equal([9, 11, 8, 14, 11, 8, 14], forms.Select(Rows));
        Assert.Equal(4, forms.Select(f => f.GetProperty("project").GetString()!.Replace(" ", "", StringComparison.Ordinal)).Distinct().Count());
    }

    [Fact]
    public void Indicator_rows_carry_the_fields_of_the_outline_with_their_source_line()
    {
        var row = Forms("003")[1].GetProperty("indicators")[1];
        Assert.Equal("产出指标", row.GetProperty("level1").GetString());
        Assert.Equal("质量指标", row.GetProperty("level2").GetString());
        Assert.Equal("质量问题整改率", row.GetProperty("name").GetString());
        Assert.Equal("≥90%", row.GetProperty("target").GetString());
        Assert.Equal("80%", row.GetProperty("actual").GetString());
        Assert.Equal(10.00m, row.GetProperty("weight").GetDecimal());
        Assert.Equal(6.00m, row.GetProperty("statedScore").GetDecimal());
        Assert.StartsWith("数据质量体系的构建", row.GetProperty("explanation").GetString());
        var source = row.GetProperty("source");
        Assert.Equal(42, source.GetProperty("row").GetInt32());
        Assert.True(source.TryGetProperty("column", out _) && source.TryGetProperty("sheet", out _) && source.TryGetProperty("page", out _));
        // ≥90% missed with 80%: 10 × 80 / 90.
        Assert.Equal(8.89m, row.GetProperty("expectedScore").GetDecimal());
    }

    [Fact]
    public void Reading_doubts_come_as_records_beside_their_sentences()
    {
        var form = Assert.Single(Forms("000"));
        var doubts = form.GetProperty("readingDoubts").EnumerateArray().ToArray();
        var notes = form.GetProperty("readingNotes").EnumerateArray().Select(n => n.GetString()).ToArray();
        Assert.Equal(notes, doubts.Select(d => d.GetProperty("message").GetString()));
        var shifted = doubts.Single(d => d.GetProperty("reason").GetString() == "shifted-cells");
        Assert.Equal(("row", "indicators", 35), (shifted.GetProperty("scope").GetString(), shifted.GetProperty("block").GetString(), shifted.GetProperty("source").GetProperty("row").GetInt32()));
        var missing = doubts.Single(d => d.GetProperty("reason").GetString() == "missing-value");
        Assert.Equal(["score"], missing.GetProperty("cells").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("cell", missing.GetProperty("scope").GetString());
    }

    [Fact]
    public void Every_form_has_the_keys_of_the_fixed_outline()
    {
        string[] keys = ["kind", "year", "title", "project", "department", "unit", "moneyUnit", "funds", "indicators", "statedTotal", "total", "grade", "findings", "readingNotes", "readingDoubts"];
        foreach (var file in Result.Json.GetProperty("files").EnumerateArray())
        {
            Assert.True(file.TryGetProperty("path", out _) && file.TryGetProperty("error", out _));
            foreach (var form in file.GetProperty("forms").EnumerateArray())
                Assert.All(keys, k => Assert.True(form.TryGetProperty(k, out _), k));
        }
    }

    [Fact]
    public void Scored_forms_have_a_computed_total_and_grade_beside_the_stated_total()
    {
        var form = Forms("003")[0];
        Assert.Equal(99.00m, form.GetProperty("statedTotal").GetDecimal());
        Assert.Equal(JsonValueKind.Number, form.GetProperty("total").ValueKind);
        Assert.Contains(form.GetProperty("grade").GetString(), new[] { "优", "良", "中", "差" });
    }
}
