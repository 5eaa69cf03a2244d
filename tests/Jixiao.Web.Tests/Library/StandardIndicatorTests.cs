using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Jixiao.Documents.Writers.Xlsx;

namespace Jixiao.Web.Tests.Library;

/// <summary>
/// Finance keeps standard indicators for the units below it: written one by one or imported from a workbook, where one
/// bad cell refuses the whole file with its row and column; the units read them, nobody outside the bureau sees them.
/// </summary>
public abstract class StandardIndicatorTests<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    private static object Standard(string name, string? value = "≥95%", string level2 = "服务对象满意度指标") =>
        new { level1 = "满意度指标", level2, name, definition = "对服务对象开展问卷调查的满意比例", method = "满意及基本满意份数 ÷ 有效问卷份数", standardValue = value };

    private static byte[] Workbook(params IReadOnlyList<string>[] rows)
    {
        using var output = new MemoryStream();
        TableWorkbook.Write(output, "标准指标", ["一级指标", "二级指标", "三级指标", "指标解释", "计算口径", "标准值", "计量单位", "指标方向"], [10, 10, 10, 10, 10, 10, 10, 10], rows);
        return output.ToArray();
    }

    private Task<HttpResponseMessage> Upload(string person, byte[] content, string name = "指标库.xlsx")
    {
        var body = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        body.Add(file, "file", name);
        return Host.Client(person).PostAsync("/api/v1/library/standards/import", body);
    }

    private async Task<List<string>> Names(string person) =>
        (await Expect(HttpStatusCode.OK, await Host.Client(person).GetAsync("/api/v1/library/standards?pageSize=200")))["items"]!.AsArray().Select(s => (string)s!["name"]!).ToList();

    [Fact]
    public async Task Finance_writes_a_standard_the_units_below_read_and_nobody_else_sees()
    {
        Host.SkipUnlessAvailable();
        var created = await Expect(HttpStatusCode.Created, await Host.Client("finance").Send(HttpMethod.Post, "/api/v1/library/standards", Standard("群众满意度")));
        var id = (int)created["id"]!;

        Assert.Equal("Positive", (string?)created["direction"]);
        Assert.Equal("%", (string?)created["unit"]);
        Assert.Contains("群众满意度", await Names("unit"));
        Assert.Contains("群众满意度", await Names("department"));
        Assert.DoesNotContain("群众满意度", await Names("other-finance"));
        await Expect(HttpStatusCode.NotFound, await Host.Client("other-unit").GetAsync($"/api/v1/library/standards/{id}"));
        await Expect(HttpStatusCode.NotFound, await Host.Client("other-finance").Send(HttpMethod.Put, $"/api/v1/library/standards/{id}", Standard("改名")));
        await Expect(HttpStatusCode.Forbidden, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/library/standards", Standard("单位自拟")));
        await Expect(HttpStatusCode.Forbidden, await Host.Client("department").Send(HttpMethod.Put, $"/api/v1/library/standards/{id}", Standard("改名")));
        await Expect(HttpStatusCode.Forbidden, await Host.Client("unit").Send(HttpMethod.Delete, $"/api/v1/library/standards/{id}"));
        await Expect(HttpStatusCode.Unauthorized, await Host.Anonymous().GetAsync("/api/v1/library/standards"));

        var updated = await Expect(HttpStatusCode.OK, await Host.Client("finance").Send(HttpMethod.Put, $"/api/v1/library/standards/{id}", Standard("群众满意度", "≥90%")));
        Assert.Equal("≥90%", (string?)updated["standardValue"]);
        await Expect(HttpStatusCode.NoContent, await Host.Client("finance").Send(HttpMethod.Delete, $"/api/v1/library/standards/{id}"));
        await Expect(HttpStatusCode.NotFound, await Host.Client("finance").GetAsync($"/api/v1/library/standards/{id}"));
    }

    [Fact]
    public async Task A_standard_without_a_name_or_twice_the_same_is_refused_at_the_field()
    {
        Host.SkipUnlessAvailable();
        var blank = await Expect(HttpStatusCode.BadRequest, await Host.Client("finance").Send(HttpMethod.Post, "/api/v1/library/standards", Standard("  ")));
        Assert.Contains(blank["errors"]!.AsArray(), e => (string?)e!["path"] == "$.name");
        var punctuation = await Expect(HttpStatusCode.BadRequest, await Host.Client("finance").Send(HttpMethod.Post, "/api/v1/library/standards", Standard("（）")));
        Assert.Contains(punctuation["errors"]!.AsArray(), e => (string?)e!["path"] == "$.name");
        var tooLong = await Expect(HttpStatusCode.BadRequest, await Host.Client("finance").Send(HttpMethod.Post, "/api/v1/library/standards", Standard("长", new string('9', 300))));
        Assert.Contains(tooLong["errors"]!.AsArray(), e => (string?)e!["path"] == "$.standardValue");
        var bad = await Expect(HttpStatusCode.BadRequest, await Host.Client("finance").Send(HttpMethod.Post, "/api/v1/library/standards",
            new { level1 = "满意度指标", name = "方向", direction = "Sideways" }));
        Assert.Equal(400, (int)bad["status"]!);

        await Expect(HttpStatusCode.Created, await Host.Client("finance").Send(HttpMethod.Post, "/api/v1/library/standards", Standard("回访满意度")));
        var twice = await Expect(HttpStatusCode.BadRequest, await Host.Client("finance").Send(HttpMethod.Post, "/api/v1/library/standards", Standard("回访 满意度")));
        Assert.Contains("已有标准指标", (string?)twice["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workbook_with_one_bad_cell_is_refused_whole_with_its_row_and_column()
    {
        Host.SkipUnlessAvailable();
        var response = await Upload("finance", Workbook(
            ["产出指标", "数量指标", "新建里程", "", "", "≥10公里", "公里", "正向"],
            ["产出指标", "数量指标", "", "", "", "≥5个", "个", "正向"],
            ["产出指标", "时效指标", "完工及时率", "", "", "100%", "%", "朝上"]));

        var problem = await Expect(HttpStatusCode.BadRequest, response);
        var detail = (string?)problem["detail"];
        Assert.Contains("第 3 行 C 列（三级指标）", detail, StringComparison.Ordinal);
        Assert.Contains("第 4 行 H 列（指标方向）", detail, StringComparison.Ordinal);
        Assert.Contains("整个文件未导入", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("新建里程", await Names("finance"));
    }

    [Fact]
    public async Task A_workbook_imports_updates_what_exists_and_exports_back()
    {
        Host.SkipUnlessAvailable();
        await Expect(HttpStatusCode.Created, await Host.Client("finance").Send(HttpMethod.Post, "/api/v1/library/standards", Standard("培训满意度", "≥85%")));

        var result = await Expect(HttpStatusCode.OK, await Upload("finance", Workbook(
            ["满意度指标", "服务对象满意度指标", "培训 满意度", "参训人员评价", "", "≥90%", "%", "正向"],
            ["成本指标", "经济成本指标", "人均培训成本", "培训总成本除以人次", "决算口径", "≤800元/人", "元/人", "反向"])));

        Assert.Equal(1, (int)result["added"]!);
        Assert.Equal(1, (int)result["updated"]!);
        var export = await Host.Client("finance").GetAsync("/api/v1/library/standards/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var back = Jixiao.Web.Features.Library.LibraryWorkbook.Read(await export.Content.ReadAsByteArrayAsync(), "导出.xlsx");
        Assert.Empty(back.Errors);
        var cost = Assert.Single(back.Rows, r => r.Name == "人均培训成本");
        Assert.Equal("≤800元/人", cost.StandardValue);
        Assert.Equal(Core.Notation.Direction.Reverse, cost.Direction);
        // The file's spelling of the name is taken; it is the same indicator.
        Assert.Equal("≥90%", Assert.Single(back.Rows, r => r.Name.Replace(" ", "", StringComparison.Ordinal) == "培训满意度").StandardValue);
    }

    [Fact]
    public async Task Only_finance_imports_and_only_xlsx()
    {
        Host.SkipUnlessAvailable();
        await Expect(HttpStatusCode.Forbidden, await Upload("unit", Workbook(["产出指标", "数量指标", "里程", "", "", "", "", ""])));
        await Expect(HttpStatusCode.UnsupportedMediaType, await Upload("finance", "一级指标,三级指标\n"u8.ToArray(), "指标库.csv"));
        var notWorkbook = await Expect(HttpStatusCode.BadRequest, await Upload("finance", "不是工作簿"u8.ToArray()));
        Assert.Contains("指标库.xlsx", (string?)notWorkbook["detail"], StringComparison.Ordinal);
        var noHeader = await Expect(HttpStatusCode.BadRequest, await Upload("finance", Workbook()));
        Assert.Contains("表头下没有标准指标", (string?)noHeader["detail"], StringComparison.Ordinal);
    }
}

public sealed class StandardIndicatorsOnSqlite(SqliteHost host) : StandardIndicatorTests<SqliteHost>(host);

public sealed class StandardIndicatorsOnPostgres(PostgresHost host) : StandardIndicatorTests<PostgresHost>(host);
