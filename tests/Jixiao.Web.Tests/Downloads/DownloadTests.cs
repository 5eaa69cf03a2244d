using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Jixiao.Data.Model;
using Jixiao.Documents.Writers.Pdf;
using Microsoft.AspNetCore.Hosting;

namespace Jixiao.Web.Tests.Downloads;

public abstract class DownloadTests<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    private static async Task<byte[]> File(HttpResponseMessage response, string contentType)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        return bytes;
    }

    private static List<string> Invalid(OpenXmlPackage document) =>
        new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

    [Fact]
    public async Task A_unit_downloads_its_own_form_as_a_valid_workbook_named_in_chinese()
    {
        Host.SkipUnlessAvailable();
        var id = await Draft("下载工作簿的项目");

        var response = await Host.Client("unit").GetAsync($"/api/v1/downloads/forms/{id}.xlsx");

        var bytes = await File(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(Invalid(workbook));
        Assert.Contains("下载工作簿的项目", string.Concat(workbook.WorkbookPart!.SharedStringTablePart!.SharedStringTable.InnerText), StringComparison.Ordinal);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("浏阳市数据资源中心-2020年度-项目支出绩效自评表-下载工作簿的项目.xlsx", disposition.FileNameStar);
    }

    [Fact]
    public async Task A_reviewer_downloads_a_form_of_the_subtree_as_a_valid_word_document()
    {
        Host.SkipUnlessAvailable();
        var id = await FormIn(FormStatus.Submitted, "下载文档的项目");

        var bytes = await File(await Host.Client("department").GetAsync($"/api/v1/downloads/forms/{id}.docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(Invalid(document));
        Assert.Contains("下载文档的项目", document.MainDocumentPart!.Document!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_download_parses_and_carries_the_form_and_the_print_view_opens_in_the_browser()
    {
        Host.SkipUnlessAvailable();
        var id = await Draft("下载数据的项目");

        var json = JsonNode.Parse(await File(await Host.Client("unit").GetAsync($"/api/v1/downloads/forms/{id}.json"), "application/json"))!;
        var html = await Host.Client("unit").GetAsync($"/api/v1/downloads/forms/{id}.html");

        Assert.Contains("下载数据的项目", json.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        Assert.Contains("下载数据的项目", Encoding.UTF8.GetString(await File(html, "text/html")), StringComparison.Ordinal);
        Assert.Null(html.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task A_form_of_another_unit_is_not_found_in_any_format_exactly_like_the_form_api()
    {
        Host.SkipUnlessAvailable();
        var id = await Draft("别家的项目");

        var api = await Host.Client("wangcheng").GetAsync($"/api/v1/forms/{id}");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        foreach (var format in new[] { "xlsx", "docx", "pdf", "html", "json" })
        {
            var response = await Host.Client("wangcheng").GetAsync($"/api/v1/downloads/forms/{id}.{format}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var body = await response.Content.ReadAsStringAsync();
            var expected = JsonNode.Parse(await api.Content.ReadAsStringAsync())!;
            var actual = JsonNode.Parse(body)!;
            Assert.Equal(((string?)expected["title"], (string?)expected["detail"], (int?)expected["status"]), ((string?)actual["title"], (string?)actual["detail"], (int?)actual["status"]));
        }
    }

    [Fact]
    public async Task An_anonymous_visitor_downloads_published_forms_only()
    {
        Host.SkipUnlessAvailable();
        var draft = await FormIn(FormStatus.FinanceApproved, "尚未公开的项目");
        var published = await FormIn(FormStatus.Published, "已经公开的项目");
        var visitor = Host.Anonymous();

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/v1/downloads/forms/{draft}.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/v1/downloads/forms/{draft}.json")).StatusCode);
        var bytes = await File(await visitor.GetAsync($"/api/v1/downloads/forms/{published}.xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), false)) Assert.Empty(Invalid(workbook));
        await File(await visitor.GetAsync($"/api/v1/downloads/forms/{published}.docx"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        Assert.NotNull(JsonNode.Parse(await File(await visitor.GetAsync($"/api/v1/downloads/forms/{published}.json"), "application/json")));
    }

    [Fact]
    public async Task Open_data_of_a_unit_and_year_holds_its_published_forms_and_nothing_else()
    {
        Host.SkipUnlessAvailable();
        await FormIn(FormStatus.Published, "开放数据里的项目", filler: "wangcheng", organisation: "WC");
        await FormIn(FormStatus.Submitted, "开放数据外的项目", filler: "wangcheng", organisation: "WC");
        var visitor = Host.Anonymous();
        var unit = Host.World.Id("WC");

        var json = Encoding.UTF8.GetString(await File(await visitor.GetAsync($"/api/v1/downloads/open-data/{unit}/2020/forms.json"), "application/json"));
        var csv = Encoding.UTF8.GetString(await File(await visitor.GetAsync($"/api/v1/downloads/open-data/{unit}/2020/forms.csv"), "text/csv"));
        var asReviewer = Encoding.UTF8.GetString(await File(await Host.Client("finance").GetAsync($"/api/v1/downloads/open-data/{unit}/2020/forms.csv"), "text/csv"));

        Assert.NotNull(JsonNode.Parse(json));
        var decoded = System.Text.RegularExpressions.Regex.Unescape(json);
        Assert.Contains("开放数据里的项目", decoded, StringComparison.Ordinal);
        Assert.DoesNotContain("开放数据外的项目", decoded, StringComparison.Ordinal);
        Assert.Contains("开放数据里的项目", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("开放数据外的项目", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("开放数据外的项目", asReviewer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_downloads_its_year_as_a_zip_with_one_file_per_form_and_an_index()
    {
        Host.SkipUnlessAvailable();
        await Draft("打包的项目甲");
        await FormIn(FormStatus.Submitted, "打包的项目乙", filler: "wangcheng", organisation: "WC");

        var response = await Host.Client("department").GetAsync($"/api/v1/downloads/organisations/{Host.World.Id("SJ")}/2020.zip?format=docx");

        var bytes = await File(response, "application/zip");
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("index.csv", names);
        Assert.Contains(names, n => n.EndsWith("-打包的项目甲.docx", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith("-打包的项目乙.docx", StringComparison.Ordinal));
        Assert.Equal("甲市数据资源局-2020年度绩效表.zip", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Client("other-finance").GetAsync($"/api/v1/downloads/organisations/{Host.World.Id("SJ")}/2020.zip")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Anonymous().GetAsync($"/api/v1/downloads/organisations/{Host.World.Id("SJ")}/2020.zip")).StatusCode);
    }

    [Fact]
    public async Task The_home_page_offers_each_unit_year_as_a_zip_and_a_report_draft_and_both_links_download()
    {
        Host.SkipUnlessAvailable();
        await Draft("首页打包的项目");
        var unit = Host.Anonymous();
        await LogIn(unit, "unit", Host.World.Passwords["unit"]);

        var home = await unit.GetStringAsync("/");

        var links = Regex.Matches(home, "href=\"(/api/v1/downloads/organisations/[^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        var zip = Assert.Single(links, l => l == $"/api/v1/downloads/organisations/{Host.World.Id("LY")}/2020.zip");
        var draft = Assert.Single(links, l => l == $"/api/v1/downloads/organisations/{Host.World.Id("LY")}/2020/report-draft.docx");
        using var archive = new ZipArchive(new MemoryStream(await File(await unit.GetAsync(zip), "application/zip")), ZipArchiveMode.Read);
        Assert.Contains(archive.Entries, e => e.FullName.EndsWith("-首页打包的项目.xlsx", StringComparison.Ordinal));
        using var report = WordprocessingDocument.Open(new MemoryStream(await File(await unit.GetAsync(draft), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")), false);
        Assert.Empty(Invalid(report));
    }

    [Fact]
    public async Task Without_chromium_a_pdf_answers_503_with_a_chinese_problem_and_other_formats_still_work()
    {
        Host.SkipUnlessAvailable();
        var id = await Draft("没有浏览器的项目");
        await using var noChromium = Host.Factory.WithWebHostBuilder(b => b.UseSetting("Jixiao:Chromium", "/nonexistent/chromium"));
        var client = noChromium.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Host.World.Tokens["unit"]);

        var response = await client.GetAsync($"/api/v1/downloads/forms/{id}.pdf");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("chromium", (string?)(await response.Body())["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/downloads/forms/{id}.xlsx")).StatusCode);
    }

    [Fact]
    public async Task The_public_form_page_and_the_portal_offer_the_downloads_a_visitor_may_use()
    {
        Host.SkipUnlessAvailable();
        var id = await FormIn(FormStatus.Published, "门户下载链接的项目");

        var page = await Host.Anonymous().GetStringAsync($"/portal/forms/{id}");
        var portal = await Host.Anonymous().GetStringAsync("/portal");

        Assert.Contains($"/api/v1/downloads/forms/{id}.xlsx", page, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/downloads/forms/{id}.pdf", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/api/v1/downloads/forms/{id}.html", page, StringComparison.Ordinal);
        // Separated links, not "PDFJSON" run together.
        Assert.Matches(@"PDF</a>\s+<a", page);
        Assert.Contains($"/api/v1/downloads/open-data/{Host.World.Id("LY")}/2020/forms.csv", portal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_downloads_a_report_draft_whose_figures_come_from_its_forms()
    {
        Host.SkipUnlessAvailable();
        await Draft("报告草稿里的项目");

        var response = await Host.Client("unit").GetAsync($"/api/v1/downloads/organisations/{Host.World.Id("LY")}/2020/report-draft.docx");

        var bytes = await File(response, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(Invalid(document));
        var text = document.MainDocumentPart!.Document!.InnerText;
        Assert.Contains("报告草稿里的项目", text, StringComparison.Ordinal);
        Assert.Contains("25.00", text, StringComparison.Ordinal);
        Assert.Equal("浏阳市数据资源中心-2020年度自评报告草稿.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Client("wangcheng").GetAsync($"/api/v1/downloads/organisations/{Host.World.Id("LY")}/2020/report-draft.docx")).StatusCode);
    }

    [Fact]
    public async Task A_formula_in_a_project_name_comes_out_of_the_open_data_and_the_zip_index_as_escaped_text()
    {
        Host.SkipUnlessAvailable();
        const string hostile = "=HYPERLINK(\"http://x\",\"y\")";
        const string escaped = ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",";
        await FormIn(FormStatus.Published, hostile, filler: "school", organisation: "YZ", reviewer: "education");
        var unit = Host.World.Id("YZ");

        foreach (var file in new[] { "forms.csv", "indicators.csv" })
        {
            var csv = Encoding.UTF8.GetString(await File(await Host.Anonymous().GetAsync($"/api/v1/downloads/open-data/{unit}/2020/{file}"), "text/csv"));
            Assert.DoesNotContain("," + hostile, csv, StringComparison.Ordinal);
            if (file == "forms.csv") Assert.Contains(escaped, csv, StringComparison.Ordinal);
        }
        var bytes = await File(await Host.Client("education").GetAsync($"/api/v1/downloads/organisations/{unit}/2020.zip?format=html"), "application/zip");
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("index.csv")!.Open(), Encoding.UTF8);
        var index = await reader.ReadToEndAsync();
        Assert.Contains(escaped, index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_downloads_as_a_pdf_when_chromium_is_installed()
    {
        Host.SkipUnlessAvailable();
        Assert.SkipUnless(PdfRenderer.IsAvailable(), "chromium is not installed: the PDF download is not tested here.");
        var id = await Draft("下载PDF的项目");

        var bytes = await File(await Host.Client("unit").GetAsync($"/api/v1/downloads/forms/{id}.pdf"), "application/pdf");

        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
    }
}

public sealed class DownloadsOnSqlite(SqliteHost host) : DownloadTests<SqliteHost>(host);

public sealed class DownloadsOnPostgres(PostgresHost host) : DownloadTests<PostgresHost>(host);
