using System.Net;
using System.Net.Http.Headers;
using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

public sealed class ApiBasicsTests(SqliteHost host) : ApiTestBase<SqliteHost>(host)
{
    private async Task<HttpClient> WithToken(string token)
    {
        await Task.CompletedTask;
        var client = Host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_token_created_through_the_api_works_until_it_is_revoked()
    {
        var created = await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/tokens", new { name = "财务系统对接", expiresInDays = 30 }));
        var client = await WithToken((string)created["token"]!);

        var me = await Expect(HttpStatusCode.OK, await client.GetAsync("/api/v1/me"));
        Assert.Equal("unit", (string?)me["userName"]);
        await Expect(HttpStatusCode.NoContent, await Host.Client("unit").DeleteAsync($"/api/v1/tokens/{(int)created["id"]!}"));

        var problem = await Expect(HttpStatusCode.Unauthorized, await client.GetAsync("/api/v1/me"));
        Assert.Equal("未登录", (string?)problem["title"]);
    }

    [Fact]
    public async Task Tokens_are_stored_only_as_hashes_and_an_expired_one_is_refused()
    {
        var created = await Expect(HttpStatusCode.Created, await Host.Client("school").Send(HttpMethod.Post, "/api/v1/tokens", new { name = "即将过期" }));
        var secret = (string)created["token"]!;
        await using (var scope = Host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = db.ApiTokens.Single(t => t.Id == (int)created["id"]!);
            Assert.Equal(TokenSecrets.Hash(secret), stored.TokenHash);
            Assert.DoesNotContain(db.ApiTokens.ToList(), t => t.TokenHash == secret);
            stored.ExpiresAt = DateTimeOffset.UnixEpoch;
            await db.SaveChangesAsync();
        }

        await Expect(HttpStatusCode.Unauthorized, await (await WithToken(secret)).GetAsync("/api/v1/me"));
        await Expect(HttpStatusCode.Unauthorized, await (await WithToken("jx_not-a-token")).GetAsync("/api/v1/me"));
    }

    [Fact]
    public async Task Someone_elses_token_cannot_be_revoked()
    {
        var created = await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/tokens", new { name = "别人的" }));

        await Expect(HttpStatusCode.NotFound, await Host.Client("admin").DeleteAsync($"/api/v1/tokens/{(int)created["id"]!}"));

        await Expect(HttpStatusCode.OK, await (await WithToken((string)created["token"]!)).GetAsync("/api/v1/me"));
    }

    [Fact]
    public async Task The_browser_logs_in_with_a_cookie_and_reaches_the_api_in_its_scope()
    {
        var browser = Host.Anonymous();

        var login = await LogIn(browser, "department", Host.World.Passwords["department"]);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var me = await Expect(HttpStatusCode.OK, await browser.GetAsync("/api/v1/me"));
        Assert.Equal(["主管部门审核"], me["roles"]!.AsArray().Select(r => (string?)r));
        Assert.EndsWith("/SJ/", (string?)me["scopePath"], StringComparison.Ordinal);
        Assert.Contains("退出登录", await browser.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_passwords_are_refused_and_lock_the_account_after_five_attempts()
    {
        var browser = Host.Anonymous();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++) last = await LogIn(browser, "education", "wrong-password");

        Assert.Contains("error=failed", last.Headers.Location?.ToString(), StringComparison.Ordinal);
        // Locked: even the right password is refused, with the same answer as a wrong one (HardeningTests).
        var correct = await LogIn(browser, "education", Host.World.Passwords["education"]);
        Assert.Contains("error=failed", correct.Headers.Location?.ToString(), StringComparison.Ordinal);
        await Expect(HttpStatusCode.Unauthorized, await browser.GetAsync("/api/v1/me"));
    }

    [Fact]
    public async Task A_login_post_without_its_antiforgery_token_is_rejected()
    {
        var response = await Host.Anonymous().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "unit", ["password"] = Host.World.Passwords["unit"],
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_malformed_json_body_answers_a_chinese_problem_not_a_stack_trace()
    {
        var response = await Host.Client("unit").PostAsync("/api/v1/forms", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));

        var problem = await Expect(HttpStatusCode.BadRequest, response);
        Assert.Equal("请求无效", (string?)problem["title"]);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_api_paths_answer_problem_json_in_chinese()
    {
        var response = await Host.Client("unit").GetAsync("/api/v1/nothing-here");

        var problem = await Expect(HttpStatusCode.NotFound, response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("未找到", (string?)problem["title"]);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_form_workflow()
    {
        var document = await Expect(HttpStatusCode.OK, await Host.Anonymous().GetAsync("/openapi/v1.json"));

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/api/v1/forms", "/api/v1/forms/{id}", "/api/v1/forms/{id}/submit", "/api/v1/forms/{id}/return",
                     "/api/v1/forms/{id}/approve", "/api/v1/forms/{id}/unlock", "/api/v1/forms/{id}/publish", "/api/v1/forms/{id}/history",
                     "/api/v1/forms/{id}/diff", "/api/v1/organisations", "/api/v1/projects", "/api/v1/findings", "/api/v1/audit", "/api/v1/imports", "/api/v1/imports/preview",
                     "/api/v1/imports/files", "/api/v1/imports/jobs", "/api/v1/imports/jobs/{id}", "/api/v1/imports/jobs/{id}/confirm",
                     "/api/v1/budget/suggestions", "/api/v1/budget/suggestions/{formId}", "/api/v1/budget/suggestions/{formId}/decisions",
                     "/api/v1/budget/ledger", "/api/v1/budget/export.{format}",
                     "/api/v1/rulebooks", "/api/v1/rulebooks/choices", "/api/v1/rulebooks/choices/preview",
                     "/api/v1/rectifications", "/api/v1/rectifications/{id}", "/api/v1/rectifications/{id}/start", "/api/v1/rectifications/{id}/evidence",
                     "/api/v1/rectifications/{id}/evidence/{evidenceId}", "/api/v1/rectifications/{id}/submit", "/api/v1/rectifications/{id}/close",
                     "/api/v1/rectifications/{id}/send-back", "/api/v1/spot-checks", "/api/v1/spot-checks/{id}", "/api/v1/spot-checks/credibility",
                     "/api/v1/spot-checks/{id}/entries/{entryId}",
                     "/api/v1/agencies", "/api/v1/agencies/{id}", "/api/v1/agencies/{id}/experts", "/api/v1/agencies/{id}/experts/{expertId}",
                     "/api/v1/evaluation-tasks", "/api/v1/evaluation-tasks/{id}", "/api/v1/evaluation-tasks/{id}/withdraw", "/api/v1/evaluation-tasks/{id}/report",
                     "/api/v1/evaluation-tasks/{id}/quality", "/api/v1/evaluation-quality/criteria" })
            Assert.Contains(path, paths);
    }

    [Fact]
    public async Task The_openapi_document_lists_ex_ante_assessments_and_evaluations()
    {
        var document = await Expect(HttpStatusCode.OK, await Host.Anonymous().GetAsync("/openapi/v1.json"));

        // The forms list filters by kind: its codes are the document's, ex-ante assessments and evaluation rubrics among them.
        var list = document["paths"]!["/api/v1/forms"]!["get"]!["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "kind")!;
        var codes = list["schema"]!["enum"]!.AsArray().Select(c => (string?)c).ToList();
        Assert.Contains("ex-ante", codes);
        Assert.Contains("evaluation-rubric", codes);
        Assert.Contains("事前绩效评估", (string?)list["description"], StringComparison.Ordinal);

        // A form's kind in the body written and read is the enumeration of kinds.
        var schemas = document["components"]!["schemas"]!;
        var kinds = schemas["FormKind"]!["enum"]!.AsArray().Select(c => (string?)c).ToList();
        Assert.Contains("ExAnteAssessment", kinds);
        Assert.Contains("Evaluation", kinds);
        // The list's rows and a form read back name their kind by the same codes.
        foreach (var dto in new[] { "FormSummaryDto", "FormDto" })
        {
            var dtoKinds = schemas[dto]!["properties"]!["kind"]!["enum"]!.AsArray().Select(c => (string?)c).ToList();
            Assert.Contains("ex-ante", dtoKinds);
            Assert.Contains("evaluation-rubric", dtoKinds);
        }

        // Evaluations are assigned, reported and scored through their own endpoints.
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/api/v1/evaluation-tasks", "/api/v1/evaluation-tasks/{id}/report", "/api/v1/evaluation-tasks/{id}/quality" })
            Assert.Contains(path, paths);
    }

    [Fact]
    public async Task The_openapi_document_describes_targets_review_and_the_next_year()
    {
        var document = await Expect(HttpStatusCode.OK, await Host.Anonymous().GetAsync("/openapi/v1.json"));

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/api/v1/forms/{id}/grades", "/api/v1/forms/{id}/adjustments", "/api/v1/adjustments", "/api/v1/adjustments/{id}",
                     "/api/v1/adjustments/{id}/approve", "/api/v1/adjustments/{id}/reject", "/api/v1/target-grades", "/api/v1/years/{year}/next",
                     "/api/v1/library/indicators", "/api/v1/library/indicators/history", "/api/v1/library/indicators/peers", "/api/v1/library/suggestions",
                     "/api/v1/library/standards", "/api/v1/library/standards/{id}", "/api/v1/library/standards/import", "/api/v1/library/standards/export",
                     "/api/v1/execution-imports", "/api/v1/execution-imports/{id}", "/api/v1/execution-imports/{id}/apply" })
            Assert.Contains(path, paths);
    }

    [Fact]
    public async Task Lists_page_with_a_total()
    {
        for (var i = 0; i < 3; i++) await Draft($"分页{i}", "wangcheng", "WC");

        var page = await Expect(HttpStatusCode.OK, await Host.Client("wangcheng").GetAsync("/api/v1/forms?page=2&pageSize=2"));

        Assert.Equal(2, (int)page["pageNumber"]!);
        Assert.Equal(2, (int)page["pageSize"]!);
        Assert.True((int)page["total"]! >= 3);
        Assert.InRange(page["items"]!.AsArray().Count, 1, 2);
        await Expect(HttpStatusCode.BadRequest, await Host.Client("wangcheng").GetAsync("/api/v1/forms?status=Nonsense"));
    }

    [Fact]
    public async Task The_administrator_extends_the_tree_and_only_downwards()
    {
        var created = await Expect(HttpStatusCode.Created, await Host.Client("admin").Send(HttpMethod.Post, "/api/v1/organisations",
            new { parentId = Host.World.Id("SJ"), code = "NEWU", name = "甲市政务服务中心", kind = "Unit" }));

        Assert.EndsWith("/SJ/NEWU/", (string?)created["path"], StringComparison.Ordinal);
        await Expect(HttpStatusCode.Forbidden, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/organisations",
            new { parentId = Host.World.Id("LY"), code = "NEWX", name = "x", kind = "Unit" }));
        await Expect(HttpStatusCode.BadRequest, await Host.Client("admin").Send(HttpMethod.Post, "/api/v1/organisations",
            new { parentId = Host.World.Id("LY"), code = "NEWD", name = "x", kind = "Department" }));
        await Expect(HttpStatusCode.Conflict, await Host.Client("admin").Send(HttpMethod.Post, "/api/v1/organisations",
            new { parentId = Host.World.Id("SJ"), code = "NEWU", name = "重复", kind = "Unit" }));
        var audit = (await Expect(HttpStatusCode.OK, await Host.Client("admin").GetAsync("/api/v1/audit?entityType=organisation")))["items"]!.AsArray();
        Assert.Contains(audit, a => (string?)a!["after"] == "甲市政务服务中心");
    }

    [Fact]
    public async Task A_new_user_can_be_created_only_by_the_administrator_and_only_with_a_known_role()
    {
        await Expect(HttpStatusCode.Created, await Host.Client("admin").Send(HttpMethod.Post, "/api/v1/users",
            new { userName = "new-filler", displayName = "新填报员", password = "Pw-new-filler-1!", role = Roles.UnitFiller, organisationId = Host.World.Id("WC") }));

        await Expect(HttpStatusCode.Forbidden, await Host.Client("finance").Send(HttpMethod.Post, "/api/v1/users",
            new { userName = "x1", displayName = "x", password = "Pw-new-filler-1!", role = Roles.UnitFiller, organisationId = Host.World.Id("WC") }));
        await Expect(HttpStatusCode.BadRequest, await Host.Client("admin").Send(HttpMethod.Post, "/api/v1/users",
            new { userName = "x2", displayName = "x", password = "Pw-new-filler-1!", role = "超级用户", organisationId = Host.World.Id("WC") }));
        var weak = await Expect(HttpStatusCode.BadRequest, await Host.Client("admin").Send(HttpMethod.Post, "/api/v1/users",
            new { userName = "x3", displayName = "x", password = "short", role = Roles.UnitFiller, organisationId = Host.World.Id("WC") }));
        Assert.Contains("密码至少需要 10 个字符", (string?)weak["detail"], StringComparison.Ordinal);
        var users = (await Expect(HttpStatusCode.OK, await Host.Client("admin").GetAsync("/api/v1/users?pageSize=200")))["items"]!.AsArray();
        Assert.Contains(users, u => (string?)u!["userName"] == "new-filler");
        Assert.DoesNotContain(users, u => (string?)u!["userName"] == "other-unit");
    }
}
