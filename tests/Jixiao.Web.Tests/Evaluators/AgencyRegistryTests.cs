using System.Net;
using Jixiao.Data;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Evaluators;

/// <summary>
/// Finance keeps the registry of agencies and experts and gives tasks; every request that breaks a rule is refused
/// with the field named, every person outside finance's subtree finds nothing, and only finance changes anything.
/// </summary>
public abstract class AgencyRegistryTests<THost>(THost host) : EvaluatorTestBase<THost>(host) where THost : TestHost
{
    private Task<HttpResponseMessage> Register(string person, object body) => Host.Client(person).Send(HttpMethod.Post, "/api/v1/agencies", body);

    private static async Task<string> FieldError(HttpResponseMessage response, string path)
    {
        var problem = await Expect(HttpStatusCode.BadRequest, response);
        var error = problem["errors"]!.AsArray().FirstOrDefault(e => (string?)e!["path"] == path);
        Assert.True(error is not null, $"no error at {path}: {problem.ToJsonString()}");
        return (string)error!["message"]!;
    }

    [Fact]
    public async Task A_credit_code_must_have_eighteen_characters_of_its_alphabet_and_the_right_check_character()
    {
        Host.SkipUnlessAvailable();
        var valid = CreditCodes.Complete("91430100MA4L0RG01");
        var wrongCheck = valid[..17] + (valid[17] == '0' ? '1' : '0');

        Assert.Contains("校验位", await FieldError(await Register("finance", new { name = "某评价所", creditCode = wrongCheck }), "$.creditCode"), StringComparison.Ordinal);
        Assert.Contains("18 位", await FieldError(await Register("finance", new { name = "某评价所", creditCode = "9143010" }), "$.creditCode"), StringComparison.Ordinal);
        Assert.Contains("不是允许的字符", await FieldError(await Register("finance", new { name = "某评价所", creditCode = "91430100MA4LOOOO1X" }), "$.creditCode"), StringComparison.Ordinal);
        await FieldError(await Register("finance", new { name = " ", creditCode = valid }), "$.name");
        await FieldError(await Register("finance", new { name = "某评价所", creditCode = valid, qualifications = new string('资', EvaluatorLengths.Qualifications + 1) }), "$.qualifications");

        var created = await Expect(HttpStatusCode.Created, await Register("finance", new { name = "甲市公信评价所", creditCode = valid.ToLowerInvariant(), contact = "李审" }));
        Assert.Equal(valid, (string?)created["agency"]!["creditCode"]);
        var duplicate = await Expect(HttpStatusCode.Conflict, await Register("finance", new { name = "同码机构", creditCode = valid }));
        Assert.Equal("$.creditCode", (string?)duplicate["errors"]![0]!["path"]);
    }

    public static TheoryData<string> NotFinance() => new("unit", "department", "admin", "evaluator", "school");

    [Theory]
    [MemberData(nameof(NotFinance))]
    public async Task Only_finance_changes_the_registry_or_gives_tasks(string person)
    {
        Host.SkipUnlessAvailable();
        var agency = Host.World.Agency.Id;
        var project = await Project("LY", "权限项目" + person);
        await Expect(HttpStatusCode.Forbidden, await Register(person, new { name = "越权机构", creditCode = CreditCodes.Complete("91430100MA4L0YQ01") }));
        // The evaluator sees its own agency; the others in 甲市 see the registry of their bureau.
        var put = await Host.Client(person).Send(HttpMethod.Put, $"/api/v1/agencies/{agency}", new { name = "改名", creditCode = Host.World.Agency.CreditCode });
        await Expect(HttpStatusCode.Forbidden, put);
        await Expect(HttpStatusCode.Forbidden, await Host.Client(person).Send(HttpMethod.Post, $"/api/v1/agencies/{agency}/experts", new { name = "专家" }));
        var assign = await AssignCall(project, agency, person: person);
        // A project the caller cannot see does not exist for it (the evaluator has no task on it).
        await Expect(person == "evaluator" || person == "school" ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, assign);
        var reads = await Host.Client(person).GetAsync("/api/v1/agencies");
        await Expect(person == "admin" ? HttpStatusCode.OK : HttpStatusCode.Forbidden, reads);
    }

    [Fact]
    public async Task The_other_citys_finance_finds_neither_the_agency_nor_its_tasks()
    {
        Host.SkipUnlessAvailable();
        var task = await Assign(await Project("LY", "跨市项目"));
        var agency = Host.World.Agency.Id;

        await Expect(HttpStatusCode.NotFound, await Host.Client("other-finance").GetAsync($"/api/v1/agencies/{agency}"));
        await Expect(HttpStatusCode.NotFound, await Host.Client("other-finance").Send(HttpMethod.Put, $"/api/v1/agencies/{agency}", new { name = "改名", creditCode = Host.World.Agency.CreditCode }));
        await Expect(HttpStatusCode.NotFound, await Host.Client("other-finance").Send(HttpMethod.Post, $"/api/v1/agencies/{agency}/experts", new { name = "专家" }));
        await Expect(HttpStatusCode.NotFound, await Host.Client("other-finance").GetAsync($"/api/v1/evaluation-tasks/{task}"));
        await Expect(HttpStatusCode.NotFound, await Host.Client("other-finance").Send(HttpMethod.Post, $"/api/v1/evaluation-tasks/{task}/withdraw", new { reason = "越权" }));
        await Expect(HttpStatusCode.NotFound, await Host.Client("other-finance").Send(HttpMethod.Put, $"/api/v1/evaluation-tasks/{task}/quality", FullMarks()));
        await Expect(HttpStatusCode.NotFound, await AssignCall(await Project("B-U", "乙市项目"), agency, person: "finance"));
        Assert.DoesNotContain(await Items("other-finance", "/api/v1/agencies?pageSize=200"), a => (int)a!["id"]! == agency);
        Assert.DoesNotContain(await Items("other-finance", "/api/v1/evaluation-tasks?pageSize=200"), t => (int)t!["id"]! == task);
    }

    [Fact]
    public async Task A_task_names_only_the_agencys_own_experts_one_agency_per_project_and_an_open_year()
    {
        Host.SkipUnlessAvailable();
        var other = (int)(await Expect(HttpStatusCode.Created, await Register("finance", new { name = "乙方评价所", creditCode = CreditCodes.Complete("91430100MA4L0TK01") })))["agency"]!["id"]!;
        var stranger = (int)(await Expect(HttpStatusCode.Created, await Host.Client("finance").Send(HttpMethod.Post, $"/api/v1/agencies/{other}/experts",
            new { name = "王专家", field = "财政管理", title = "高级会计师" })))["id"]!;
        var own = (int)(await Expect(HttpStatusCode.Created, await Host.Client("finance").Send(HttpMethod.Post, $"/api/v1/agencies/{Host.World.Agency.Id}/experts",
            new { name = "赵专家", field = "信息化", title = "正高级工程师" })))["id"]!;
        await FieldError(await Host.Client("finance").Send(HttpMethod.Post, $"/api/v1/agencies/{other}/experts", new { name = "" }), "$.name");
        var project = await Project("LY", "专家指定项目");

        Assert.Contains("不是", await FieldError(await AssignCall(project, expertIds: new[] { own, stranger }), "$.expertIds[1]"), StringComparison.Ordinal);
        var task = await Expect(HttpStatusCode.Created, await AssignCall(project, expertIds: new[] { own }));
        Assert.Equal(["赵专家"], task["experts"]!.AsArray().Select(e => (string)e!));
        var busy = await Expect(HttpStatusCode.Conflict, await AssignCall(project, other));
        Assert.Equal((int)task["id"]!, (int)busy["existingTaskId"]!);

        var closedProject = await Project("LY", "已关闭年度项目", 2031);
        await using (var scope = Host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.FiscalYears.Where(y => y.Year == 2031).ExecuteUpdateAsync(x => x.SetProperty(y => y.Closed, true));
        }
        Assert.Contains("已关闭", (string?)(await Expect(HttpStatusCode.Conflict, await AssignCall(closedProject)))["detail"], StringComparison.Ordinal);

        // A removed expert stays on the task that named them but can be named no more.
        await Expect(HttpStatusCode.OK, await Host.Client("finance").Send(HttpMethod.Delete, $"/api/v1/agencies/{Host.World.Agency.Id}/experts/{own}"));
        Assert.Equal(["赵专家"], (await Expect(HttpStatusCode.OK, await Host.Client("finance").GetAsync($"/api/v1/evaluation-tasks/{(int)task["id"]!}")))["experts"]!.AsArray().Select(e => (string)e!));
        await FieldError(await AssignCall(await Project("LY", "再指定项目"), expertIds: new[] { own }), "$.expertIds[0]");
    }

    [Fact]
    public async Task Quality_scores_follow_the_configured_criteria_each_once_and_within_its_maximum()
    {
        Host.SkipUnlessAvailable();
        var task = await Assign(await Project("LY", "质量评分项目"));
        await SubmittedReport(task, "质量评分项目");
        var criteria = await Expect(HttpStatusCode.OK, await Host.Client("finance").GetAsync("/api/v1/evaluation-quality/criteria"));
        Assert.Equal(100m, criteria.AsArray().Sum(c => (decimal)c!["max"]!));
        async Task<HttpResponseMessage> Score(object body) => await Host.Client("finance").Send(HttpMethod.Put, $"/api/v1/evaluation-tasks/{task}/quality", body);
        var items = new List<object>
        {
            new { criterion = "评价依据与方法", score = 21m },
            new { criterion = "指标体系与评分", score = 20m },
            new { criterion = "指标体系与评分", score = 20m },
            new { criterion = "文风", score = 5m },
        };

        var problem = await Expect(HttpStatusCode.BadRequest, await Score(new { items }));

        var errors = problem["errors"]!.AsArray().Select(e => ((string)e!["path"]!, (string)e["message"]!)).ToList();
        Assert.Contains(errors, e => e.Item1 == "$.items[0].score" && e.Item2.Contains("超过满分", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Item1 == "$.items[2].criterion" && e.Item2.Contains("重复", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Item1 == "$.items[3].criterion" && e.Item2.Contains("不在评分标准中", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Item1 == "$.items" && e.Item2.Contains("结论与建议", StringComparison.Ordinal));
        await FieldError(await Score(new { items = new[] { new { criterion = "评价依据与方法", score = -1m } } }), "$.items[0].score");
        await Expect(HttpStatusCode.Forbidden, await Host.Client("department").Send(HttpMethod.Put, $"/api/v1/evaluation-tasks/{task}/quality", FullMarks()));
        await Expect(HttpStatusCode.NotFound, await Host.Client("finance").GetAsync($"/api/v1/evaluation-tasks/{task}/quality"));
    }

    [Fact]
    public async Task An_evaluator_account_belongs_to_an_agency_in_the_bureau_that_registered_it()
    {
        Host.SkipUnlessAvailable();
        var agency = Host.World.Agency.Id;
        Task<HttpResponseMessage> Create(string name, string role, string organisation, int? agencyId) =>
            Host.Client("admin").Send(HttpMethod.Post, "/api/v1/users",
                new { userName = name, displayName = name, password = "Pw-evaluator-9x!", role, organisationId = Host.World.Id(organisation), agencyId });

        await FieldError(await Create("ev-none", Roles.Evaluator, "CZ", null), "$.agencyId");
        Assert.Contains("甲市财政局", await FieldError(await Create("ev-wrong", Roles.Evaluator, "SJ", agency), "$.organisationId"), StringComparison.Ordinal);
        await FieldError(await Create("ev-filler", Roles.UnitFiller, "LY", agency), "$.agencyId");
        await FieldError(await Create("ev-unknown", Roles.Evaluator, "CZ", 999_999), "$.agencyId");
        var created = await Expect(HttpStatusCode.Created, await Create("ev-ok", Roles.Evaluator, "CZ", agency));
        Assert.Equal(agency, (int)created["user"]!["agencyId"]!);
        var id = (string)created["user"]!["id"]!;

        // Renamed without naming the agency, the evaluator keeps it; made a unit filler, it leaves the agency.
        var renamed = await Expect(HttpStatusCode.OK, await Host.Client("admin").Send(HttpMethod.Put, $"/api/v1/users/{id}",
            new { displayName = "评价员甲", role = Roles.Evaluator, organisationId = Host.World.Id("CZ") }));
        Assert.Equal(agency, (int)renamed["agencyId"]!);
        var filler = await Expect(HttpStatusCode.OK, await Host.Client("admin").Send(HttpMethod.Put, $"/api/v1/users/{id}",
            new { displayName = "评价员甲", role = Roles.UnitFiller, organisationId = Host.World.Id("LY") }));
        Assert.Null(filler["agencyId"]);
    }
}

public sealed class AgencyRegistryOnSqlite(SqliteHost host) : AgencyRegistryTests<SqliteHost>(host);

public sealed class AgencyRegistryOnPostgres(PostgresHost host) : AgencyRegistryTests<PostgresHost>(host);
