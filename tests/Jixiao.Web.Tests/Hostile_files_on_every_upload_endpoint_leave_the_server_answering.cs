using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Jixiao.Web.Tests.Rectifications;

namespace Jixiao.Web.Tests;

/// <summary>
/// The upload endpoints besides the form import (which reads in a reader process, see ImportJobTests): the execution
/// import (xlsx, CSV), the standards library (xlsx) and rectification evidence (kept, never read). Each gets the hostile
/// files of issue 14 that fit it — an inflate bomb, a row numbered 2³¹−1, a cell in the last column on every row, a
/// docx nested 200,000 deep, a CSV of more rows or columns than any export, an unclosed quote — and answers with a
/// Chinese refusal naming the limit (or keeps evidence as it is), after which the server answers the next request.
/// </summary>
public sealed class Hostile_files_on_every_upload_endpoint_leave_the_server_answering(SqliteHost host) : RectificationTestBase<SqliteHost>(host)
{
    private const string Sheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static TheoryData<string, string> ExecutionFiles => new()
    {
        { "inflate-bomb.xlsx", "解压" },
        { "huge-row-number.xlsx", "超过 20000 行" },
        { "last-column-every-row.xlsx", "列数超过 512" },
        { "deep-nesting.docx", "不受支持" },
        { "many-rows.csv", "20000" },
        { "many-columns.csv", "超过 512 列" },
        { "unclosed-quote.csv", "引号不配对" },
    };

    [Theory]
    [MemberData(nameof(ExecutionFiles))]
    public async Task The_execution_import_refuses_it_naming_the_limit(string name, string says)
    {
        var response = await UploadTo("/api/v1/execution-imports", "file", name, Build(name), ("fiscalYear", "2020"));

        await Refused(response, says);
        await TheServerStillAnswers("finance");
    }

    public static TheoryData<string, string> LibraryFiles => new()
    {
        { "inflate-bomb.xlsx", "解压" },
        { "huge-row-number.xlsx", "行数超过" },
        { "deep-nesting.docx", "不是 .xlsx" },
    };

    [Theory]
    [MemberData(nameof(LibraryFiles))]
    public async Task The_standards_library_import_refuses_it_naming_the_limit(string name, string says)
    {
        var response = await UploadTo("/api/v1/library/standards/import", "file", name, Build(name));

        await Refused(response, says);
        await TheServerStillAnswers("finance");
    }

    [Theory]
    [InlineData("deep-nesting.docx")]
    [InlineData("inflate-bomb.xlsx")]
    public async Task Rectification_evidence_is_kept_unread_and_the_server_answers(string name)
    {
        var item = await Raised("department", await SubmittedForm("LY", "整改证据" + name));
        var bytes = Build(name);

        await Expect(HttpStatusCode.OK, await Upload("unit", item, name, bytes));

        var evidence = (await Item("unit", item))["evidence"]!.AsArray().Single()!;
        Assert.Equal(bytes.LongLength, (long)evidence["size"]!);
        var download = await Host.Client("unit").GetAsync((string)evidence["url"]!);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        await TheServerStillAnswers("unit");
    }

    [Fact]
    public async Task Confirming_an_import_with_a_null_choice_is_a_400_naming_it()
    {
        var client = Host.Client("unit");
        var job = await client.Until((await Expect(HttpStatusCode.Accepted, await client.Upload([Uploading.Seed("000")]))).Id(), "Done", "Failed");

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/imports/jobs/{job.Id()}/confirm")
        {
            Content = new StringContent("""{"forms":[null],"confirmWarnings":true}""", Encoding.UTF8, "application/json"),
        });

        var problem = await Expect(HttpStatusCode.BadRequest, response);
        Assert.Contains("$.forms[0]", (string?)problem["detail"], StringComparison.Ordinal);
        await TheServerStillAnswers("unit");
    }

    private async Task<HttpResponseMessage> UploadTo(string url, string field, string name, byte[] bytes, params (string Name, string Value)[] fields)
    {
        var body = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, field, name);
        foreach (var (n, v) in fields) body.Add(new StringContent(v), n);
        return await Host.Client("finance").PostAsync(url, body);
    }

    private static async Task Refused(HttpResponseMessage response, string says)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType or HttpStatusCode.RequestEntityTooLarge,
            $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (string?)JsonNode.Parse(text)!["detail"] ?? "";
        Assert.Contains(says, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    private async Task TheServerStillAnswers(string person) =>
        await Expect(HttpStatusCode.OK, await Host.Client(person).GetAsync("/api/v1/me"));

    private static byte[] Build(string name) => name switch
    {
        // 250 MB of spaces inside the sheet: beyond the 200 MB decompressed budget, a few hundred KB zipped.
        "inflate-bomb.xlsx" => Xlsx(writer =>
        {
            writer.Write("<sheetData>");
            var spaces = new string(' ', 1 << 20);
            for (var i = 0; i < 250; i++) writer.Write(spaces);
            writer.Write("</sheetData>");
        }),
        "huge-row-number.xlsx" => Xlsx(writer => writer.Write("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>项目编码</t></is></c></row><row r=\"2147483647\"><c r=\"A2147483647\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>")),
        // One cell in column A and one in XFD on each of 20,000 rows: 40,000 cells, each row 16,384 columns wide if laid out.
        "last-column-every-row.xlsx" => Xlsx(writer =>
        {
            writer.Write("<sheetData>");
            for (var r = 1; r <= 20_000; r++) writer.Write($"<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c><c r=\"XFD{r}\"><v>1</v></c></row>");
            writer.Write("</sheetData>");
        }),
        "deep-nesting.docx" => Uploading.DeepNestingDocx(200_000),
        "many-rows.csv" => Encoding.UTF8.GetBytes("项目编码,项目名称,全年预算数\n" + string.Concat(Enumerable.Range(1, 30_000).Select(i => $"P{i},项目{i},{i}\n"))),
        "many-columns.csv" => Encoding.UTF8.GetBytes("项目编码,项目名称,全年预算数\nP1,项目," + new string(',', 30_000) + "\n"),
        "unclosed-quote.csv" => Encoding.UTF8.GetBytes("项目编码,项目名称,全年预算数\nP1,\"" + new string('长', 200_000) + "\n"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static byte[] Xlsx(Action<StreamWriter> sheetData)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, Action<StreamWriter> write)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                write(writer);
            }
            Add("[Content_Types].xml", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"""));
            Add("_rels/.rels", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""));
            Add("xl/workbook.xml", w => w.Write($"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Sheet}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
            Add("xl/_rels/workbook.xml.rels", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""));
            Add("xl/worksheets/sheet1.xml", w =>
            {
                w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Sheet}\">");
                sheetData(w);
                w.Write("</worksheet>");
            });
        }
        return stream.ToArray();
    }
}
