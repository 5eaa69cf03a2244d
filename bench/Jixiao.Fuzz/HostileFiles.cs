using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Jixiao.Fuzz;

/// <summary>
/// Small files built to make a reader allocate, recurse or loop without bound (issue 14): each a few kilobytes, each
/// once able to take the process down or hold it for minutes. Tests assert which limit each one meets; the fuzz
/// harness measures how long and how much memory each answer takes.
/// </summary>
public static class HostileFiles
{
    public const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string SheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>Every hostile file by name, with the extension it is uploaded under.</summary>
    public static IReadOnlyList<(string Name, Func<byte[]> Build)> All { get; } =
    [
        ("deep-run.docx", () => DocxDeepRun()),
        ("deep-sdt.docx", () => DocxDeepSdt()),
        ("huge-gridspan.docx", DocxHugeGridSpan),
        ("huge-row-number.xlsx", XlsxHugeRowNumber),
        ("colspan-rows.html", () => HtmlColspanRows()),
        ("wide-merges.xlsx", () => XlsxWideMerges()),
        ("many-merges.xlsx", () => XlsxManyMerges()),
        ("many-rectangles.pdf", () => PdfManyRectangles()),
        ("flate-bomb.pdf", () => PdfFlateBomb()),
        ("huge-text.txt", () => HugeText()),
    ];

    /// <summary>A docx whose one run holds <paramref name="depth"/> nested unknown elements (about 5 KB zipped).</summary>
    public static byte[] DocxDeepRun(int depth = 200_000)
    {
        var body = new StringBuilder("<w:p><w:r>");
        for (var i = 0; i < depth; i++) body.Append("<x>");
        for (var i = 0; i < depth; i++) body.Append("</x>");
        body.Append("<w:t>正文</w:t></w:r></w:p>");
        return Docx(body.ToString());
    }

    /// <summary>A docx of <paramref name="depth"/> nested block content controls.</summary>
    public static byte[] DocxDeepSdt(int depth = 20_000)
    {
        var body = new StringBuilder();
        for (var i = 0; i < depth; i++) body.Append("<w:sdt><w:sdtContent>");
        body.Append("<w:p><w:r><w:t>正文</w:t></w:r></w:p>");
        for (var i = 0; i < depth; i++) body.Append("</w:sdtContent></w:sdt>");
        return Docx(body.ToString());
    }

    /// <summary>A docx table whose cell spans 2³¹−1 grid columns.</summary>
    public static byte[] DocxHugeGridSpan() => Docx(
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目名称</w:t></w:r></w:p></w:tc>" +
        "<w:tc><w:tcPr><w:gridSpan w:val=\"2147483647\"/></w:tcPr><w:p><w:r><w:t>宽</w:t></w:r></w:p></w:tc></w:tr>" +
        "<w:tr><w:tc><w:p><w:r><w:t>主管部门</w:t></w:r></w:p></w:tc></w:tr></w:tbl>");

    /// <summary>An xlsx whose one row claims the number 2,147,483,647.</summary>
    public static byte[] XlsxHugeRowNumber() => Xlsx(
        "<sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>项目名称</t></is></c></row>" +
        "<row r=\"2147483647\"><c t=\"inlineStr\"><is><t>末行</t></is></c></row></sheetData>");

    /// <summary>An html table of <paramref name="rows"/> rows, each one cell with colspan=1000 (about 27 KB).</summary>
    public static byte[] HtmlColspanRows(int rows = 1_000)
    {
        var html = new StringBuilder("<html><body><table>");
        for (var r = 0; r < rows; r++) html.Append("<tr><td colspan=1000>").Append(r % 10).Append("</td></tr>");
        html.Append("</table></body></html>");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    /// <summary>An xlsx of <paramref name="rows"/> rows, each merged across every column Excel has (A:XFD).</summary>
    public static byte[] XlsxWideMerges(int rows = 2_000)
    {
        var data = new StringBuilder("<sheetData>");
        for (var r = 1; r <= rows; r++)
            data.Append(CultureInfo.InvariantCulture, $"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>行{r}</t></is></c></row>");
        data.Append("</sheetData><mergeCells>");
        for (var r = 1; r <= rows; r++) data.Append(CultureInfo.InvariantCulture, $"<mergeCell ref=\"A{r}:XFD{r}\"/>");
        data.Append("</mergeCells>");
        return Xlsx(data.ToString());
    }

    /// <summary>An xlsx with <paramref name="merges"/> two-by-one merges, each over a filled cell and the one it covers.</summary>
    public static byte[] XlsxManyMerges(int merges = 100_000)
    {
        var data = new StringBuilder("<sheetData>");
        for (var r = 1; r <= merges; r++)
            data.Append(CultureInfo.InvariantCulture, $"<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c><c r=\"B{r}\"><v>{r}</v></c></row>");
        data.Append("</sheetData><mergeCells>");
        for (var r = 1; r <= merges; r++) data.Append(CultureInfo.InvariantCulture, $"<mergeCell ref=\"A{r}:B{r}\"/>");
        data.Append("</mergeCells>");
        return Xlsx(data.ToString());
    }

    /// <summary>A one-page PDF drawing <paramref name="rectangles"/> stroked rectangles in a fine grid.</summary>
    public static byte[] PdfManyRectangles(int rectangles = 60_000)
    {
        var content = new StringBuilder("0.1 w\n");
        var side = (int)Math.Ceiling(Math.Sqrt(rectangles));
        for (var i = 0; i < rectangles; i++)
        {
            var x = 10 + (i % side) * 2.2;
            var y = 10 + (i / side) * 3.1;
            content.Append(CultureInfo.InvariantCulture, $"{x:0.##} {y:0.##} 2 3 re S\n");
        }

        return Pdf(Deflate(Encoding.ASCII.GetBytes(content.ToString())), flate: true);
    }

    /// <summary>A one-page PDF whose content stream inflates to <paramref name="inflated"/> bytes (about 1 MB on disk for 1 GB).</summary>
    public static byte[] PdfFlateBomb(long inflated = 1L << 30)
    {
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (long written = 0; written < inflated; written += spaces.Length) zlib.Write(spaces);
        }

        return Pdf(packed.ToArray(), flate: true);
    }

    /// <summary>About <paramref name="megabytes"/> MB of tab-separated text: rows of short cells.</summary>
    public static byte[] HugeText(int megabytes = 30)
    {
        var line = Encoding.UTF8.GetBytes("项目\t1\t2\t3\t4\t5\t6\t7\t8\t9\t完成\n");
        var bytes = new byte[megabytes * 1024 * 1024 / line.Length * line.Length];
        for (var i = 0; i < bytes.Length; i += line.Length) line.CopyTo(bytes, i);
        return bytes;
    }

    /// <summary>A minimal Word package around <paramref name="bodyXml"/>.</summary>
    public static byte[] Docx(string bodyXml) => Zip(
        ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""),
        ("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""),
        ("word/document.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{WordNamespace}\"><w:body>{bodyXml}</w:body></w:document>"));

    /// <summary>A minimal workbook of one sheet whose worksheet content is <paramref name="sheetXml"/>.</summary>
    public static byte[] Xlsx(string sheetXml) => Zip(
        ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"""),
        ("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""),
        ("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{SheetNamespace}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"""),
        ("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""),
        ("xl/worksheets/sheet1.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{SheetNamespace}\">{sheetXml}</worksheet>"));

    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }

        return stream.ToArray();
    }

    /// <summary>A one-page PDF whose page content is <paramref name="content"/> (flate-encoded when <paramref name="flate"/>).</summary>
    public static byte[] Pdf(byte[] content, bool flate)
    {
        var output = new MemoryStream();
        var offsets = new List<long>();
        void Text(string s) => output.Write(Encoding.ASCII.GetBytes(s));
        void Object(string s)
        {
            offsets.Add(output.Position);
            Text($"{offsets.Count} 0 obj\n{s}\nendobj\n");
        }

        Text("%PDF-1.4\n");
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>");
        offsets.Add(output.Position);
        Text(string.Create(CultureInfo.InvariantCulture, $"4 0 obj\n<< /Length {content.Length}{(flate ? " /Filter /FlateDecode" : "")} >>\nstream\n"));
        output.Write(content);
        Text("\nendstream\nendobj\n");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var xref = output.Position;
        Text($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) Text(offset.ToString("D10", CultureInfo.InvariantCulture) + " 00000 n \n");
        Text(string.Create(CultureInfo.InvariantCulture, $"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return output.ToArray();
    }

    public static byte[] Deflate(byte[] data)
    {
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(data);
        return packed.ToArray();
    }
}
