using System.Net;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

public abstract class ImportTests<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    private async Task<(int Forms, int Organisations, int Projects, int Audit)> Counts()
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.Forms.CountAsync(), await db.Organisations.CountAsync(), await db.Projects.CountAsync(), await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task A_preview_shows_findings_and_where_each_form_goes_and_saves_nothing()
    {
        Host.SkipUnlessAvailable();
        Host.Checker.For("导入预览一", new Finding("FUNDS_RATE", Severity.Error, "执行率应为 86.18%", "rate", new FindingLocation("funds", 1)));
        var before = await Counts();

        var items = (await Expect(HttpStatusCode.OK, await Host.Client("admin").Send(HttpMethod.Post, "/api/v1/imports/preview", new
        {
            organisationId = Host.World.Id("SJ"),
            forms = new[] { Forms.Project("导入预览一", "长沙市望城区数据资源中心"), Forms.Project("导入预览二", "甲市新设单位") },
        }))).AsArray();

        Assert.Equal(("长沙市望城区数据资源中心", false, Host.World.Id("WC")), ((string?)items[0]!["unitName"], (bool)items[0]!["createsUnit"]!, (int?)items[0]!["unitId"]));
        Assert.Equal(("甲市新设单位", true), ((string?)items[1]!["unitName"], (bool)items[1]!["createsUnit"]!));
        Assert.True((bool)items[0]!["createsProject"]!);
        Assert.Equal("FUNDS_RATE", (string?)items[0]!["findings"]![0]!["code"]);
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Confirming_saves_every_form_as_a_draft_in_the_matched_or_new_unit_with_an_audit_entry()
    {
        Host.SkipUnlessAvailable();
        var result = await Expect(HttpStatusCode.Created, await Host.Client("admin").Send(HttpMethod.Post, "/api/v1/imports", new
        {
            organisationId = Host.World.Id("SJ"),
            sourceName = "2020年自评表.xlsx",
            forms = new[] { Forms.Project("导入确认一", "长沙市望城区数据资源中心"), Forms.Project("导入确认二", "甲市导入新单位"), Forms.Project("导入确认三", "甲市导入新单位") },
        }));

        var ids = result["formIds"]!.AsArray().Select(i => (int)i!).ToList();
        Assert.Equal(3, ids.Count);
        var first = await Read("wangcheng", ids[0]);
        Assert.Equal(("Draft", "长沙市望城区数据资源中心"), ((string?)first["status"], (string?)first["organisationName"]));
        var second = await Read("admin", ids[1]);
        var third = await Read("admin", ids[2]);
        Assert.Equal("甲市导入新单位", (string?)second["organisationName"]);
        Assert.Equal((int)second["organisationId"]!, (int)third["organisationId"]!);
        var audit = (await Expect(HttpStatusCode.OK, await Host.Client("admin").GetAsync($"/api/v1/forms/{ids[0]}/audit")))["items"]!.AsArray();
        Assert.Contains(audit, a => (string?)a!["action"] == "import" && ((string?)a["after"])!.Contains("2020年自评表.xlsx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reading_doubts_of_an_imported_form_are_kept_as_records_with_the_form()
    {
        Host.SkipUnlessAvailable();
        var form = Forms.Project("读取存疑导入");
        form.Indicators[1].Source = new SourcePosition(35);
        form.ReadingDoubts.Add(new ReadingDoubt
        {
            Reason = DoubtReason.ShiftedCells, Block = FormBlock.Indicators, Row = new SourcePosition(35), Cells = [CellRole.Target, CellRole.Actual],
            RowLabel = "数据共享调用次数", Text = "完善",
        });
        var result = await Expect(HttpStatusCode.Created, await Host.Client("admin").Send(HttpMethod.Post, "/api/v1/imports", new
        {
            organisationId = Host.World.Id("SJ"),
            forms = new[] { form },
        }));

        var stored = await Read("admin", (int)result["formIds"]![0]!);
        var doubt = Assert.Single(stored["form"]!["readingDoubts"]!.AsArray())!;
        Assert.Equal(("ShiftedCells", "Indicators", 35, "Cell"), ((string?)doubt["reason"], (string?)doubt["block"], (int)doubt["row"]!["row"]!, (string?)doubt["scope"]));
        Assert.Equal(["Target", "Actual"], doubt["cells"]!.AsArray().Select(c => (string?)c));
    }

    [Fact]
    public async Task An_import_that_fails_half_way_saves_nothing()
    {
        Host.SkipUnlessAvailable();
        // Each form is checked at preview and again as it is saved: the third breaks while being saved.
        Host.Checker.FailOn("半途失败三", calls: 1);
        LoggedErrors.Expect<InvalidOperationException>();
        var before = await Counts();

        var response = await Host.Client("admin").Send(HttpMethod.Post, "/api/v1/imports", new
        {
            organisationId = Host.World.Id("SJ"),
            forms = new[] { Forms.Project("半途失败一", "甲市半途新单位"), Forms.Project("半途失败二"), Forms.Project("半途失败三") },
        });

        var problem = await Expect(HttpStatusCode.InternalServerError, response);
        Assert.Equal("服务器内部错误", (string?)problem["title"]);
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task A_form_without_a_year_is_refused_before_anything_is_saved()
    {
        Host.SkipUnlessAvailable();
        var undated = Forms.Project("无年度");
        undated.Year = null;
        var before = await Counts();

        var problem = await Expect(HttpStatusCode.BadRequest, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/imports",
            new { organisationId = Host.World.Id("LY"), forms = new[] { Forms.Project("有年度"), undated } }));

        Assert.Contains("第 2 份表单", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task A_unit_filler_imports_into_their_own_unit_and_creates_no_organisations()
    {
        Host.SkipUnlessAvailable();
        var items = (await Expect(HttpStatusCode.OK, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/imports/preview",
            new { organisationId = Host.World.Id("LY"), forms = new[] { Forms.Project("别处的表", "不存在的单位") } }))).AsArray();

        Assert.Equal(("浏阳市数据资源中心", false), ((string?)items[0]!["unitName"], (bool)items[0]!["createsUnit"]!));
        await Expect(HttpStatusCode.Forbidden, await Host.Client("department").Send(HttpMethod.Post, "/api/v1/imports",
            new { organisationId = Host.World.Id("LY"), forms = new[] { Forms.Project("审核员导入") } }));
    }
}

public sealed class ImportOnSqlite(SqliteHost host) : ImportTests<SqliteHost>(host);

public sealed class ImportOnPostgres(PostgresHost host) : ImportTests<PostgresHost>(host);
