using System.Net;
using Jixiao.Data;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Rounds;

/// <summary>
/// Every targets review endpoint (grades, adjustment requests and their decisions), for each person of the world, on
/// their own city's targets and on the other city's: outside the caller's subtree the answer is 404; inside, the role
/// and the workflow stage decide.
/// </summary>
public abstract class TargetReviewAccessTests<THost>(THost host) : RoundTestBase<THost>(host) where THost : TestHost
{
    private const int Year = 2043;

    /// <summary>
    /// 甲市: LY's targets waiting for finance, LY's approved targets to request on, and LY's approved targets with a pending
    /// adjustment. 乙市 (which has no department reviewer): B-U's submitted targets, and two approved ones set by the database.
    /// </summary>
    private sealed record World2(int AtFinanceA, int ApprovedA, int AdjustmentA, int SubmittedB, int ApprovedB, int AdjustmentB);

    private async Task<World2> Targets() => (World2)await Host.Shared.GetOrAdd("targets", async _ =>
    {
        var atFinance = await TargetsAtFinance(await Project("LY", Year, "云平台运维"), Targets("云平台运维", Year));
        var approvedA = await ApprovedTargets(await Project("LY", Year, "外网运维"), Targets("外网运维", Year));
        var pendingA = await ApprovedTargets(await Project("LY", Year, "热线运维"), Targets("热线运维", Year));
        var adjustmentA = (int)(await Expect(HttpStatusCode.Created, await RequestAdjustment("unit", pendingA, "资金调减。", (1, "≥100台"))))["id"]!;

        async Task<int> SubmittedOfB(string name)
        {
            var project = await Project("B-U", Year, name);
            var created = await Expect(HttpStatusCode.Created, await Host.Client("other-unit").Send(HttpMethod.Post, "/api/v1/forms",
                new { organisationId = Host.World.Id("B-U"), fiscalYear = Year, projectId = project, form = Targets(name, Year, unit: "上海市大数据中心") }));
            var id = (int)created["id"]!;
            await Expect(HttpStatusCode.OK, await Submit("other-unit", id));
            return id;
        }
        var submittedB = await SubmittedOfB("数据底座运维");
        var approvedB = await SubmittedOfB("数据底座建设");
        var pendingB = await SubmittedOfB("数据底座安全");
        await using (var scope = Host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Forms.Where(f => f.Id == approvedB || f.Id == pendingB).ExecuteUpdateAsync(x => x.SetProperty(f => f.Status, FormStatus.FinanceApproved));
        }
        var adjustmentB = (int)(await Expect(HttpStatusCode.Created, await RequestAdjustment("other-unit", pendingB, "资金调减。", (1, "≥100台"))))["id"]!;
        return new World2(atFinance, approvedA, adjustmentA, submittedB, approvedB, adjustmentB);
    });

    private static readonly string[] OfCityA = ["unit", "wangcheng", "school", "department", "education", "finance", "admin"];
    private static readonly string[] OfCityB = ["other-unit", "other-finance"];

    public static TheoryData<string> People() => new(OfCityA.Concat(OfCityB));

    /// <summary>Who sees LY's forms: LY itself and everyone above it.</summary>
    private static bool SeesLy(string person) => person is "unit" or "department" or "finance" or "admin";

    private static bool SeesB(string person) => person is "other-unit" or "other-finance";

    [Theory]
    [MemberData(nameof(People))]
    public async Task Grades_and_adjustments_are_read_only_inside_the_units_subtree(string person)
    {
        Host.SkipUnlessAvailable();
        var w = await Targets();
        foreach (var (form, adjustment, sees) in new[] { (w.ApprovedA, w.AdjustmentA, SeesLy(person)), (w.ApprovedB, w.AdjustmentB, SeesB(person)) })
        {
            var status = sees ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            Assert.Equal(status, (await Host.Client(person).GetAsync($"/api/v1/forms/{form}/grades")).StatusCode);
            Assert.Equal(status, (await Host.Client(person).GetAsync($"/api/v1/forms/{form}/adjustments")).StatusCode);
            Assert.Equal(status, (await Host.Client(person).GetAsync($"/api/v1/adjustments/{adjustment}")).StatusCode);
        }
        var listed = (await Items(person, "/api/v1/adjustments?pageSize=200")).Select(a => (int)a!["id"]!).ToList();
        Assert.Equal(SeesLy(person), listed.Contains(w.AdjustmentA));
        Assert.Equal(SeesB(person), listed.Contains(w.AdjustmentB));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Anonymous().GetAsync($"/api/v1/forms/{w.ApprovedA}/grades")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Anonymous().GetAsync("/api/v1/adjustments")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Only_the_reviewer_whose_turn_it_is_grades_and_only_inside_its_city(string person)
    {
        Host.SkipUnlessAvailable();
        var w = await Targets();

        var a = await Grade(person, w.AtFinanceA, "良", "指标基本完整。");
        var b = await Grade(person, w.SubmittedB, "良", "指标基本完整。");

        // LY's targets wait for finance; 乙市's wait for a department reviewer 乙市 does not have.
        Assert.Equal(person == "finance" ? HttpStatusCode.OK : SeesLy(person) ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, a.StatusCode);
        Assert.Equal(SeesB(person) ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, b.StatusCode);
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Only_the_units_filler_requests_an_adjustment_and_only_of_its_own_targets(string person)
    {
        Host.SkipUnlessAvailable();
        var w = await Targets();

        var a = await RequestAdjustment(person, w.ApprovedA, "年中监控发现目标偏高。", (2, "≥80万次"));
        var b = await RequestAdjustment(person, w.ApprovedB, "年中监控发现目标偏高。", (2, "≥80万次"));

        Assert.Equal(person == "unit" ? HttpStatusCode.Created : SeesLy(person) ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, a.StatusCode);
        Assert.Equal(person == "other-unit" ? HttpStatusCode.Created : SeesB(person) ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, b.StatusCode);
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Only_finance_decides_an_adjustment_and_only_inside_its_city(string person)
    {
        Host.SkipUnlessAvailable();
        var w = await Targets();

        var a = await Host.Client(person).Send(HttpMethod.Post, $"/api/v1/adjustments/{w.AdjustmentA}/approve", new { reason = "同意。" });
        var b = await Host.Client(person).Send(HttpMethod.Post, $"/api/v1/adjustments/{w.AdjustmentB}/reject", new { reason = "依据不足。" });

        Assert.Equal(person == "finance" ? HttpStatusCode.OK : SeesLy(person) ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, a.StatusCode);
        Assert.Equal(person == "other-finance" ? HttpStatusCode.OK : SeesB(person) ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, b.StatusCode);
    }
}

public sealed class TargetReviewAccessOnSqlite(SqliteHost host) : TargetReviewAccessTests<SqliteHost>(host);

public sealed class TargetReviewAccessOnPostgres(PostgresHost host) : TargetReviewAccessTests<PostgresHost>(host);
