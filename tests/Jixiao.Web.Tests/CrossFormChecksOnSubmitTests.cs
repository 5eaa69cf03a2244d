using System.Net;
using System.Text.Json.Nodes;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;

namespace Jixiao.Web.Tests;

/// <summary>
/// A save, an import and a submit check the form against the unit's other stored forms of the year and the project's
/// earlier years (FormRelations), with the real checker: the per-form checker of these hosts finds nothing, so every
/// finding here comes from comparing forms.
/// </summary>
public abstract class CrossFormChecksOnSubmitTests<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    private async Task<int> Create(PerformanceForm form, int year, string organisation = "LY", string person = "unit")
    {
        var response = await Host.Client(person).Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id(organisation), fiscalYear = year, form });
        return (int)(await Expect(HttpStatusCode.Created, response))["id"]!;
    }

    private static PerformanceForm DepartmentTable(int year) => new()
    {
        Kind = FormKind.DepartmentSelfEvaluation, Year = year, Title = "部门整体支出绩效自评表", Unit = "浏阳市数据资源中心",
        MoneyUnit = MoneyUnit.TenThousandYuan, StatedTotal = 90m,
        Funds = { new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, Budget = 100m, Executed = 95m, Weight = 10m, StatedRate = new Percentage(0.95m, 2), StatedScore = 9.5m } },
    };

    // The report prints no unit of its own: it is the unit's by the record it is filed under.
    private static PerformanceForm Report(int year, string text) => new() { Kind = FormKind.Report, Year = year, Title = "部门整体支出绩效自评报告", Text = text };

    private static IEnumerable<JsonNode> Findings(JsonNode form, string code) =>
        form["findings"]!.AsArray().Where(f => (string?)f!["code"] == code).Select(f => f!);

    [Fact]
    public async Task A_report_that_contradicts_its_units_table_of_the_year_needs_a_justification_naming_that_table()
    {
        Host.SkipUnlessAvailable();
        var table = await Create(DepartmentTable(2020), 2020);
        var report = await Create(Report(2020, "一、总体情况。我单位2020年度部门整体支出绩效自评得分92分。"), 2020);

        // Shown as soon as the report is saved, with the table it contradicts named by id, not only in the message.
        var saved = Assert.Single(Findings(await Read("unit", report), CheckCodes.ReportTableMismatch));
        Assert.Equal("Error", (string?)saved["severity"]);
        Assert.Equal("92", (string?)saved["stated"]);
        Assert.Equal("90", (string?)saved["expected"]);
        Assert.Equal(table, (int?)saved["compared"]!["formId"]);
        Assert.Equal("department-self-evaluation", (string?)saved["compared"]!["kind"]);
        Assert.Equal(2020, (int?)saved["compared"]!["year"]);

        var refused = await Expect(HttpStatusCode.UnprocessableEntity, await Submit("unit", report));
        var missing = Assert.Single(refused["missing"]!.AsArray());
        Assert.Equal(CheckCodes.ReportTableMismatch, (string?)missing!["code"]);
        Assert.Equal(table, (int?)missing["compared"]!["formId"]);
        Assert.Equal("Draft", (string?)(await Read("unit", report))["status"]);

        await Expect(HttpStatusCode.OK, await Submit("unit", report, new() { [(string)missing["key"]!] = "表中总分已按复核意见调整，报告以复核前为准" }));
        var version = await Expect(HttpStatusCode.OK, await Host.Client("department").GetAsync($"/api/v1/forms/{report}/versions/1"));
        Assert.Equal(CheckCodes.ReportTableMismatch, (string?)Assert.Single(version["justifications"]!.AsArray())!["findingCode"]);
    }

    [Fact]
    public async Task A_report_that_agrees_with_its_table_submits_without_a_justification()
    {
        Host.SkipUnlessAvailable();
        await Create(DepartmentTable(2019), 2019);
        var report = await Create(Report(2019, "一、总体情况。我单位2019年度部门整体支出绩效自评得分90分，评价等级为优。"), 2019);
        Assert.Empty(Findings(await Read("unit", report), CheckCodes.ReportTableMismatch));
        await Expect(HttpStatusCode.OK, await Submit("unit", report));
    }

    [Fact]
    public async Task A_report_imported_with_its_table_is_compared_with_it_in_the_preview_and_when_saved_first()
    {
        Host.SkipUnlessAvailable();
        // The report comes first in the request: when it is saved its table is not stored yet.
        var request = new
        {
            organisationId = Host.World.Id("LY"),
            forms = new[] { Report(2016, "一、总体情况。我单位2016年度部门整体支出绩效自评得分92分。"), DepartmentTable(2016) },
        };
        var items = (await Expect(HttpStatusCode.OK, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/imports/preview", request))).AsArray();
        var shown = Assert.Single(Findings(items[0]!, CheckCodes.ReportTableMismatch));
        Assert.Equal(("92", "90"), ((string?)shown["stated"], (string?)shown["expected"]));
        Assert.Equal("department-self-evaluation", (string?)shown["compared"]!["kind"]);
        Assert.Empty(Findings(items[1]!, CheckCodes.ReportTableMismatch));

        var saved = await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/imports", request));
        var report = (int)saved["formIds"]![0]!;
        var stored = Assert.Single(Findings(await Read("unit", report), CheckCodes.ReportTableMismatch));
        Assert.Equal(("Error", "92", "90"), ((string?)stored["severity"], (string?)stored["stated"], (string?)stored["expected"]));
    }

    [Fact]
    public async Task A_report_and_its_table_uploaded_together_are_compared_when_the_upload_is_confirmed()
    {
        Host.SkipUnlessAvailable();
        // Seeds 000 (望城 department table: 2032 of 868万元 → 234.10%) and 001 (its report: "预算支出完成率134.71%"), filed
        // as another year so no other test's forms are in the way. Neither is stored until both are written.
        static (string, byte[]) Shifted(string seed)
        {
            var (name, bytes) = Uploading.Seed(seed);
            return (name, System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(bytes).Replace("2020", "2013", StringComparison.Ordinal)));
        }
        var client = Host.Client("wangcheng");
        var job = await client.Until((await Expect(HttpStatusCode.Accepted, await client.Upload([Shifted("000"), Shifted("001")]))).Id(), "Done");
        var found = job.FormsOf();
        var number = found.FindIndex(f => (string?)f["kind"] == "report") + 1;
        Assert.NotEmpty(Findings(found[number - 1], CheckCodes.ReportTableMismatch));

        var saved = await Expect(HttpStatusCode.Created, await client.Send(HttpMethod.Post, $"/api/v1/imports/jobs/{job.Id()}/confirm", new { confirmWarnings = true }));
        var report = (int)saved["formIds"]![number - 1]!;
        var stored = Assert.Single(Findings(await Read("wangcheng", report), CheckCodes.ReportTableMismatch));
        Assert.Equal(("Error", "134.71%", "234.10%"), ((string?)stored["severity"], (string?)stored["stated"], (string?)stored["expected"]));
        Assert.Equal("department-self-evaluation", (string?)stored["compared"]!["kind"]);
    }

    /// <summary>A seed filed as another year, so no other test's forms of the unit are in the way.</summary>
    private static (string, byte[]) SeedAsYear(string seed, int year)
    {
        var (name, bytes) = Uploading.Seed(seed);
        var text = System.Text.Encoding.UTF8.GetString(bytes).Replace("2020", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return (name, System.Text.Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public async Task An_uploaded_report_is_compared_in_the_preview_with_its_units_stored_table_of_the_year()
    {
        Host.SkipUnlessAvailable();
        // Seed 000 (望城 department table: 2032 of 868万元 → 234.10%) is stored first; seed 001 (its report: "预算支出
        // 完成率134.71%") is uploaded alone later, so only the stored table can contradict it.
        var client = Host.Client("wangcheng");
        var first = await client.Until((await Expect(HttpStatusCode.Accepted, await client.Upload([SeedAsYear("000", 2012)]))).Id(), "Done");
        var table = (int)(await Expect(HttpStatusCode.Created, await client.Send(HttpMethod.Post, $"/api/v1/imports/jobs/{first.Id()}/confirm", new { confirmWarnings = true })))["formIds"]![0]!;

        var job = await client.Until((await Expect(HttpStatusCode.Accepted, await client.Upload([SeedAsYear("001", 2012)]))).Id(), "Done");
        var report = Assert.Single(job.FormsOf(), f => (string?)f["kind"] == "report");
        var shown = Assert.Single(Findings(report, CheckCodes.ReportTableMismatch));
        Assert.Equal(("Error", "134.71%", "234.10%"), ((string?)shown["severity"], (string?)shown["stated"], (string?)shown["expected"]));
        Assert.Equal(table, (int?)shown["compared"]!["formId"]);
        Assert.Equal("department-self-evaluation", (string?)shown["compared"]!["kind"]);
    }

    [Fact]
    public async Task A_form_the_unit_already_has_is_shown_as_a_duplicate_of_the_stored_form_in_the_upload_preview()
    {
        Host.SkipUnlessAvailable();
        var client = Host.Client("wangcheng");
        var first = await client.Until((await Expect(HttpStatusCode.Accepted, await client.Upload([SeedAsYear("000", 2011)]))).Id(), "Done");
        Assert.Empty(Findings(Assert.Single(first.FormsOf()), CheckCodes.DuplicateForm));
        var stored = (int)(await Expect(HttpStatusCode.Created, await client.Send(HttpMethod.Post, $"/api/v1/imports/jobs/{first.Id()}/confirm", new { confirmWarnings = true })))["formIds"]![0]!;

        var again = await client.Until((await Expect(HttpStatusCode.Accepted, await client.Upload([SeedAsYear("000", 2011)]))).Id(), "Done");
        var duplicate = Assert.Single(Findings(Assert.Single(again.FormsOf()), CheckCodes.DuplicateForm));
        Assert.Equal(stored, (int?)duplicate["compared"]!["formId"]);
        Assert.Equal("内容相同", (string?)duplicate["stated"]);
        // Saving it would be refused as a second current form of the unit's year: the preview said so first.
        await Expect(HttpStatusCode.Conflict, await client.Send(HttpMethod.Post, $"/api/v1/imports/jobs/{again.Id()}/confirm", new { confirmWarnings = true }));
    }

    [Fact]
    public async Task Another_units_table_is_not_compared_with()
    {
        Host.SkipUnlessAvailable();
        await Create(DepartmentTable(2018), 2018, organisation: "LY");
        var report = await Create(Report(2018, "一、总体情况。我单位2018年度部门整体支出绩效自评得分75分。"), 2018, organisation: "WC", person: "wangcheng");
        Assert.Empty(Findings(await Read("wangcheng", report), CheckCodes.ReportTableMismatch));
    }

    [Fact]
    public async Task Targets_set_below_the_projects_actual_of_last_year_are_shown_with_last_years_form_and_kept_when_submitted()
    {
        Host.SkipUnlessAvailable();
        // Last year the project ran 126 servers (Forms.Project); this year's targets ask for ≥120.
        var last = await Create(Forms.Project("服务器运维服务"), 2020);
        var targets = Forms.Project("服务器运维服务");
        targets.Kind = FormKind.Targets;
        targets.Year = 2021;
        foreach (var row in targets.Indicators) { row.Actual = null; row.StatedScore = null; }
        targets.Funds.Clear();
        targets.StatedTotal = null;
        var id = await Create(targets, 2021);

        // All three rows ask for less than last year reached (≥120台 < 126台, ≥100万次 < 132万次, ≥90% < 95%).
        var below = Findings(await Read("unit", id), CheckCodes.TargetBelowLastActual).ToList();
        Assert.Equal(["运维服务器数量", "数据共享调用次数", "服务对象满意度"], below.Select(f => (string?)f["rowLabel"]));
        var finding = below[0];
        Assert.Equal("Warning", (string?)finding["severity"]);
        Assert.Equal("≥126台", (string?)finding["expected"]);
        Assert.Equal(last, (int?)finding["compared"]!["formId"]);
        Assert.Equal(2020, (int?)finding["compared"]!["year"]);
        Assert.Equal("project-self-evaluation", (string?)finding["compared"]!["kind"]);

        // A warning, as every warning: submitted without a justification, and kept with the submitted version.
        await Expect(HttpStatusCode.OK, await Submit("unit", id));
        var version = await Expect(HttpStatusCode.OK, await Host.Client("department").GetAsync($"/api/v1/forms/{id}/versions/1"));
        Assert.Contains(version["findings"]!.AsArray(), f => (string?)f!["code"] == CheckCodes.TargetBelowLastActual);
    }

    [Fact]
    public async Task A_self_evaluation_that_changed_an_approved_target_is_shown_against_the_approved_targets()
    {
        Host.SkipUnlessAvailable();
        var approved = Forms.Project("数据共享平台运维");
        approved.Kind = FormKind.Targets;
        foreach (var row in approved.Indicators) { row.Actual = null; row.StatedScore = null; }
        approved.Indicators[0].Target = "≥150台";
        approved.Funds.Clear();
        approved.StatedTotal = null;
        var targets = await Create(approved, 2020);
        var evaluation = await Create(Forms.Project("数据共享平台运维"), 2020);

        var finding = Assert.Single(Findings(await Read("unit", evaluation), CheckCodes.TargetChanged));
        Assert.Equal("运维服务器数量", (string?)finding["rowLabel"]);
        Assert.Equal(targets, (int?)finding["compared"]!["formId"]);
        Assert.Equal("targets", (string?)finding["compared"]!["kind"]);
    }
}

public sealed class CrossFormChecksOnSubmitOnSqlite(SqliteHost host) : CrossFormChecksOnSubmitTests<SqliteHost>(host);

public sealed class CrossFormChecksOnSubmitOnPostgres(PostgresHost host) : CrossFormChecksOnSubmitTests<PostgresHost>(host);
