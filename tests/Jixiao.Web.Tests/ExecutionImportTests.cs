using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;

namespace Jixiao.Web.Tests;

/// <summary>A budget-system export as finance would upload it, written by the test: one line per project, 1–12 月 payments.</summary>
internal static class ExecutionExports
{
    /// <summary>Header plus one row per (code, name, budget in 元, monthly payment in 元); <paramref name="extra"/> lines as written.</summary>
    public static byte[] Csv(IEnumerable<(string Code, string Name, decimal Budget, decimal Monthly)> projects, params string[] extra)
    {
        var text = new StringBuilder("项目编码,项目名称,全年预算数（元）");
        for (var m = 1; m <= 12; m++) text.Append(CultureInfo.InvariantCulture, $",{m}月支付数");
        text.Append('\n');
        foreach (var p in projects)
        {
            text.Append(CultureInfo.InvariantCulture, $"{p.Code},{p.Name},{p.Budget}");
            for (var m = 1; m <= 12; m++) text.Append(CultureInfo.InvariantCulture, $",{p.Monthly}");
            text.Append('\n');
        }
        foreach (var line in extra) text.Append(line).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static Task<HttpResponseMessage> Preview(this HttpClient client, string name, byte[] content, int? year = 2020, string? unit = null)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(part, "file", name);
        if (year is { } y) form.Add(new StringContent(y.ToString(CultureInfo.InvariantCulture)), "fiscalYear");
        if (unit is not null) form.Add(new StringContent(unit), "unit");
        return client.PostAsync("/api/v1/execution-imports", form);
    }

    public static PerformanceForm Monitoring(string project)
    {
        var form = new PerformanceForm
        {
            Kind = FormKind.Monitoring, Year = 2020, Title = "项目支出绩效目标执行监控表", Project = project, Department = "甲市数据资源局",
            Unit = "浏阳市数据资源中心", MoneyUnit = MoneyUnit.Yuan, MonitoringMonths = 6,
        };
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, InitialBudget = 250000m });
        return form;
    }
}

/// <summary>Finance imports an execution export: preview of every change, apply in one go, locked forms kept, typed figures checked.</summary>
public abstract class ExecutionImportTests<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    private sealed record Project(int Id, string Code, string Name);

    private async Task<Project> NewProject(string person = "unit", string organisation = "LY")
    {
        var code = "EX" + Guid.NewGuid().ToString("N")[..10];
        var name = "执行导入" + code[^4..];
        var created = await Expect(HttpStatusCode.Created, await Host.Client(person).Send(HttpMethod.Post, "/api/v1/projects",
            new { organisationId = Host.World.Id(organisation), fiscalYear = 2020, code, name }));
        return new Project((int)created["id"]!, code, name);
    }

    private async Task<int> FormFor(Project project, PerformanceForm form, string person = "unit", string organisation = "LY") =>
        (int)(await Expect(HttpStatusCode.Created, await Host.Client(person).Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id(organisation), fiscalYear = 2020, projectId = project.Id, form })))["id"]!;

    private async Task<FundsRow> Total(int form) => Json.Form((await Read("admin", form))["form"]!).Funds[0];

    private async Task<List<JsonNode>> Findings(int form, string person = "admin") =>
        (await Expect(HttpStatusCode.OK, await Host.Client(person).GetAsync($"/api/v1/forms/{form}/findings"))).AsArray().Select(n => n!).ToList();

    [Fact]
    public async Task The_preview_lists_every_change_unmatched_code_and_bad_row_and_changes_nothing()
    {
        Host.SkipUnlessAvailable();
        var project = await NewProject();
        var evaluation = await FormFor(project, Forms.Project(project.Name));
        var monitoring = await FormFor(project, ExecutionExports.Monitoring(project.Name));
        var csv = ExecutionExports.Csv([(project.Code, project.Name, 250000m, 10000m), ("NO-SUCH-CODE", "别处的项目", 1m, 0m)], "BAD-ROW,坏行,二十万,1,1,1,1,1,1,1,1,1,1,1,1");

        var preview = await Expect(HttpStatusCode.Created, await Host.Client("finance").Preview("执行.csv", csv));

        var changes = preview["preview"]!["changes"]!.AsArray();
        string Change(int form, string field) => changes.Where(c => (int)c!["formId"]! == form && (string?)c["field"] == field)
            .Select(c => $"{c!["old"]?.ToString() ?? "空"}→{c["new"]}").Single();
        Assert.Equal("215457.60→120000.00", Change(evaluation, "Executed"));
        Assert.Equal("空→60000.00", Change(monitoring, "Executed"));
        Assert.Equal("空→250000.00", Change(monitoring, "Budget"));
        Assert.Equal("空→120000.00", Change(monitoring, "ForecastExecuted"));
        Assert.DoesNotContain(changes, c => (int)c!["formId"]! == evaluation && (string?)c["field"] == "Budget");
        Assert.Equal(["NO-SUCH-CODE"], preview["preview"]!["unmatched"]!.AsArray().Select(u => (string)u!["code"]!));
        var bad = Assert.Single(preview["preview"]!["rowErrors"]!.AsArray());
        Assert.Equal(4, (int)bad!["row"]!);
        Assert.Contains("二十万", (string?)bad["message"], StringComparison.Ordinal);
        Assert.Equal(215457.60m, (await Total(evaluation)).Executed);
        Assert.Null((await Total(monitoring)).Executed);
    }

    [Fact]
    public async Task Applying_fills_the_forms_and_a_second_apply_is_refused()
    {
        Host.SkipUnlessAvailable();
        var project = await NewProject();
        var evaluation = await FormFor(project, Forms.Project(project.Name));
        var monitoring = await FormFor(project, ExecutionExports.Monitoring(project.Name));
        var id = (int)(await Expect(HttpStatusCode.Created, await Host.Client("finance").Preview("执行.csv", ExecutionExports.Csv([(project.Code, project.Name, 250000m, 10000m)]))))["id"]!;

        var result = await Expect(HttpStatusCode.OK, await Host.Client("finance").PostAsync($"/api/v1/execution-imports/{id}/apply", null));

        Assert.Equal(2, (int)result["formsFilled"]!);
        Assert.Equal((250000m, 120000m), ((await Total(evaluation)).Budget, (await Total(evaluation)).Executed));
        var filled = await Total(monitoring);
        Assert.Equal((250000m, 60000m, 120000m), (filled.Budget, filled.Executed, filled.ForecastExecuted));
        Assert.DoesNotContain(await Findings(evaluation), f => (string?)f["code"] == CheckCodes.ExecutionFigureMismatch);
        await Expect(HttpStatusCode.Conflict, await Host.Client("finance").PostAsync($"/api/v1/execution-imports/{id}/apply", null));
    }

    [Fact]
    public async Task A_typed_figure_that_differs_from_the_import_becomes_an_error_finding_with_both_figures_and_the_source()
    {
        Host.SkipUnlessAvailable();
        var project = await NewProject();
        var evaluation = await FormFor(project, Forms.Project(project.Name));
        var id = (int)(await Expect(HttpStatusCode.Created, await Host.Client("finance").Preview("国库支付.csv", ExecutionExports.Csv([(project.Code, project.Name, 250000m, 10000m)]))))["id"]!;
        await Expect(HttpStatusCode.OK, await Host.Client("finance").PostAsync($"/api/v1/execution-imports/{id}/apply", null));

        await Expect(HttpStatusCode.OK, await Save("unit", evaluation, Forms.Project(project.Name)));

        var finding = Assert.Single(await Findings(evaluation, "unit"), f => (string?)f["code"] == CheckCodes.ExecutionFigureMismatch);
        Assert.Equal(("215457.60", "120000.00"), ((string?)finding["stated"], (string?)finding["expected"]));
        Assert.Contains("国库支付.csv", (string?)finding["message"], StringComparison.Ordinal);
        Assert.Equal("error", ((string?)finding["severity"])?.ToLowerInvariant());
    }

    [Fact]
    public async Task A_locked_form_is_never_overwritten_and_its_reviewer_sees_the_difference()
    {
        Host.SkipUnlessAvailable();
        var project = await NewProject();
        var evaluation = await FormFor(project, Forms.Project(project.Name));
        await Expect(HttpStatusCode.OK, await Submit("unit", evaluation));
        await Expect(HttpStatusCode.OK, await Act("department", evaluation, "approve"));
        var preview = await Expect(HttpStatusCode.Created, await Host.Client("finance").Preview("执行.csv", ExecutionExports.Csv([(project.Code, project.Name, 250000m, 10000m)])));
        Assert.All(preview["preview"]!["changes"]!.AsArray(), c => Assert.True((bool)c!["locked"]!));

        var result = await Expect(HttpStatusCode.OK, await Host.Client("finance").PostAsync($"/api/v1/execution-imports/{(int)preview["id"]!}/apply", null));

        Assert.Equal((0, 1), ((int)result["formsFilled"]!, (int)result["lockedForms"]!));
        Assert.Equal(215457.60m, (await Total(evaluation)).Executed);
        Assert.Contains(await Findings(evaluation, "finance"), f => (string?)f["code"] == CheckCodes.ExecutionFigureMismatch);
        var queue = await Expect(HttpStatusCode.OK, await Host.Client("finance").GetAsync($"/api/v1/findings?code={CheckCodes.ExecutionFigureMismatch}&pageSize=200"));
        Assert.Contains(queue["items"]!.AsArray(), f => (int)f!["formId"]! == evaluation);
    }

    [Fact]
    public async Task A_form_edited_after_the_preview_makes_the_apply_fail_and_nothing_is_written()
    {
        Host.SkipUnlessAvailable();
        var project = await NewProject();
        var evaluation = await FormFor(project, Forms.Project(project.Name));
        var monitoring = await FormFor(project, ExecutionExports.Monitoring(project.Name));
        var id = (int)(await Expect(HttpStatusCode.Created, await Host.Client("finance").Preview("执行.csv", ExecutionExports.Csv([(project.Code, project.Name, 250000m, 10000m)]))))["id"]!;
        var edited = Forms.Project(project.Name);
        edited.Funds[0].Executed = 200000m;
        await Expect(HttpStatusCode.OK, await Save("unit", evaluation, edited));

        var problem = await Expect(HttpStatusCode.Conflict, await Host.Client("finance").PostAsync($"/api/v1/execution-imports/{id}/apply", null));

        Assert.Contains("重新预览", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(200000m, (await Total(evaluation)).Executed);
        Assert.Null((await Total(monitoring)).Executed);
    }
}

public sealed class ExecutionImportOnSqlite(SqliteHost host) : ExecutionImportTests<SqliteHost>(host);

public sealed class ExecutionImportOnPostgres(PostgresHost host) : ExecutionImportTests<PostgresHost>(host);

/// <summary>Who may import execution figures, and what each subtree's finance can reach.</summary>
public sealed class ExecutionImportAccessTests(SqliteHost host) : ApiTestBase<SqliteHost>(host)
{
    private async Task<(int ImportId, string Code)> LiuyangImport()
    {
        var code = "AC" + Guid.NewGuid().ToString("N")[..10];
        await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/projects",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, code, name = "权限项目" + code[^4..] }));
        var preview = await Expect(HttpStatusCode.Created, await Host.Client("finance").Preview("执行.csv", ExecutionExports.Csv([(code, "权限项目", 100m, 1m)])));
        return ((int)preview["id"]!, code);
    }

    [Theory]
    [InlineData("unit")]
    [InlineData("wangcheng")]
    [InlineData("school")]
    [InlineData("department")]
    [InlineData("education")]
    [InlineData("admin")]
    [InlineData("other-unit")]
    public async Task Only_finance_may_import_execution_figures(string person)
    {
        var (id, code) = await LiuyangImport();

        await Expect(HttpStatusCode.Forbidden, await Host.Client(person).Preview("执行.csv", ExecutionExports.Csv([(code, "权限项目", 100m, 1m)])));
        await Expect(HttpStatusCode.Forbidden, await Host.Client(person).GetAsync("/api/v1/execution-imports"));
        var read = await Host.Client(person).GetAsync($"/api/v1/execution-imports/{id}");
        var apply = await Host.Client(person).PostAsync($"/api/v1/execution-imports/{id}/apply", null);
        // Inside the importer's subtree the import is found but refused; outside it, it does not exist.
        var inside = person is "admin";
        Assert.Equal(inside ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(inside ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, apply.StatusCode);
    }

    [Fact]
    public async Task Finance_of_another_city_neither_sees_the_import_nor_matches_projects_outside_its_subtree()
    {
        var (id, code) = await LiuyangImport();

        await Expect(HttpStatusCode.NotFound, await Host.Client("other-finance").GetAsync($"/api/v1/execution-imports/{id}"));
        await Expect(HttpStatusCode.NotFound, await Host.Client("other-finance").PostAsync($"/api/v1/execution-imports/{id}/apply", null));
        Assert.DoesNotContain((await Expect(HttpStatusCode.OK, await Host.Client("other-finance").GetAsync("/api/v1/execution-imports"))).AsArray(), i => (int)i!["id"]! == id);
        var theirs = await Expect(HttpStatusCode.Created, await Host.Client("other-finance").Preview("执行.csv", ExecutionExports.Csv([(code, "权限项目", 100m, 1m)])));
        Assert.Equal([code], theirs["preview"]!["unmatched"]!.AsArray().Select(u => (string)u!["code"]!));
        Assert.Equal(0, (int)theirs["preview"]!["projectsMatched"]!);
        var ours = await Expect(HttpStatusCode.OK, await Host.Client("finance").GetAsync($"/api/v1/execution-imports/{id}"));
        Assert.Equal(1, (int)ours["preview"]!["projectsMatched"]!);
    }
}

/// <summary>Files and fields that are not an execution export get a clear Chinese answer, never a 500.</summary>
public sealed class ExecutionImportValidationTests(SmallUploadsHost host) : ApiTestBase<SmallUploadsHost>(host)
{
    [Fact]
    public async Task Bad_files_are_refused_with_what_is_wrong()
    {
        var finance = Host.Client("finance");

        Assert.Contains("项目编码", (string?)(await Expect(HttpStatusCode.BadRequest, await finance.Preview("表.csv", Encoding.UTF8.GetBytes("名称,金额\n甲,1\n"))))["detail"], StringComparison.Ordinal);
        await Expect(HttpStatusCode.BadRequest, await finance.Preview("空.csv", []));
        Assert.Contains(".exe", (string?)(await Expect(HttpStatusCode.UnsupportedMediaType, await finance.Preview("程序.exe", [1, 2, 3])))["detail"], StringComparison.Ordinal);
        Assert.Contains("Excel", (string?)(await Expect(HttpStatusCode.BadRequest, await finance.Preview("坏.xlsx", "not a workbook"u8.ToArray())))["detail"], StringComparison.Ordinal);
        Assert.Contains("超过", (string?)(await Expect(HttpStatusCode.RequestEntityTooLarge, await finance.Preview("大.csv", new byte[40_001])))["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_or_wrong_fields_are_refused()
    {
        var csv = ExecutionExports.Csv([("X1", "甲", 1m, 0m)]);
        var finance = Host.Client("finance");

        await Expect(HttpStatusCode.BadRequest, await finance.Preview("执行.csv", csv, year: null));
        await Expect(HttpStatusCode.BadRequest, await finance.Preview("执行.csv", csv, year: 1900));
        await Expect(HttpStatusCode.BadRequest, await finance.Preview("执行.csv", csv, unit: "美元"));
        await Expect(HttpStatusCode.UnsupportedMediaType, await finance.PostAsync("/api/v1/execution-imports", new StringContent("{}", Encoding.UTF8, "application/json")));
        await Expect(HttpStatusCode.NotFound, await finance.PostAsync("/api/v1/execution-imports/999999/apply", null));
    }

    [Fact]
    public async Task Wrong_numbers_and_unknown_codes_are_listed_in_the_preview_and_the_rest_is_read()
    {
        var csv = ExecutionExports.Csv([("KNOWN-NOT", "甲", 100m, 1m)], ",无编码,1,1,1,1,1,1,1,1,1,1,1,1", "NEG,负数,-5,1,1,1,1,1,1,1,1,1,1,1,1");

        var preview = await Expect(HttpStatusCode.Created, await Host.Client("finance").Preview("执行.csv", csv));

        Assert.Equal([3, 4], preview["preview"]!["rowErrors"]!.AsArray().Select(e => (int)e!["row"]!));
        Assert.Equal(["KNOWN-NOT"], preview["preview"]!["unmatched"]!.AsArray().Select(u => (string)u!["code"]!));
        Assert.Equal("yuan", (string?)preview["unit"]);
        Assert.Contains("全年预算数", (string?)preview["unitBasis"], StringComparison.Ordinal);
    }
}
