using System.Net;

namespace Jixiao.Web.Tests.Admin;

/// <summary>A renamed project keeps its code; an archived one keeps its forms, leaves the lists and takes no new form.</summary>
public sealed class ProjectArchiveTests(SqliteHost host) : ApiTestBase<SqliteHost>(host)
{
    [Fact]
    public async Task An_archived_project_takes_no_new_form_and_leaves_the_list_until_restored()
    {
        var project = await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/projects",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, code = "ARC-1", name = "旧项目" }));
        var id = (int)project["id"]!;

        var archived = await Expect(HttpStatusCode.OK, await Host.Client("finance").PostAsync($"/api/v1/projects/{id}/archive", null));
        Assert.True((bool)archived["archived"]!);

        var listed = (await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync("/api/v1/projects?pageSize=200")))["items"]!.AsArray();
        Assert.DoesNotContain(listed, p => (int)p!["id"]! == id);
        var all = (await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync("/api/v1/projects?pageSize=200&includeArchived=true")))["items"]!.AsArray();
        Assert.Contains(all, p => (int)p!["id"]! == id);
        var refused = await Expect(HttpStatusCode.Conflict, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, projectId = id, form = Forms.Project("旧项目") }));
        Assert.Contains("已归档", (string?)refused["detail"], StringComparison.Ordinal);

        await Expect(HttpStatusCode.OK, await Host.Client("unit").PostAsync($"/api/v1/projects/{id}/restore", null));
        await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, projectId = id, form = Forms.Project("旧项目") }));
        var audit = (await Expect(HttpStatusCode.OK, await Host.Client("admin").GetAsync("/api/v1/audit?entityType=project&pageSize=200")))["items"]!.AsArray();
        Assert.Contains(audit, a => (string?)a!["action"] == "archive" && (string?)a["entityId"] == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_import_naming_an_archived_project_is_refused_and_says_why()
    {
        var project = await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/projects",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, code = "ARC-IMP", name = "已停项目" }));
        await Expect(HttpStatusCode.OK, await Host.Client("unit").PostAsync($"/api/v1/projects/{(int)project["id"]!}/archive", null));

        var refused = await Expect(HttpStatusCode.Conflict, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/imports",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, forms = new[] { Forms.Project("已停项目") } }));

        Assert.Contains("已停项目", (string?)refused["detail"], StringComparison.Ordinal);
        Assert.Contains("已归档", (string?)refused["detail"], StringComparison.Ordinal);
        var forms = (await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync("/api/v1/forms?pageSize=200")))["items"]!.AsArray();
        Assert.DoesNotContain(forms, f => (string?)f!["projectName"] == "已停项目");
    }

    [Fact]
    public async Task A_rename_changes_the_name_and_never_the_code()
    {
        var project = await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/projects",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, code = "REN-1", name = "原名称" }));
        var id = (int)project["id"]!;

        var renamed = await Expect(HttpStatusCode.OK, await Host.Client("unit").Send(HttpMethod.Put, $"/api/v1/projects/{id}",
            new { name = "新名称", code = "CHANGED", budgetYuan = 120000 }));

        Assert.Equal("新名称", (string?)renamed["name"]);
        Assert.Equal("REN-1", (string?)renamed["code"]);
        Assert.Equal(120000m, (decimal)renamed["budgetYuan"]!);
        await Expect(HttpStatusCode.Forbidden, await Host.Client("department").Send(HttpMethod.Put, $"/api/v1/projects/{id}", new { name = "审核员改名" }));
        await Expect(HttpStatusCode.NotFound, await Host.Client("wangcheng").PostAsync($"/api/v1/projects/{id}/archive", null));
    }
}
