using Jixiao.Documents.Docx;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Html;
using Jixiao.Documents.Pdf;
using Jixiao.Documents.Xlsx;

namespace Jixiao.Documents.Reading;

/// <summary>
/// Picks the reader for a file. The bytes decide, not the extension: sites publish HTML tables as ".xls" and users
/// rename files; the extension only says which files of a folder to try.
/// </summary>
public static class DocumentReader
{
    /// <summary>The extensions a folder scan or an upload accepts.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".txt", ".xlsx", ".docx", ".pdf", ".html", ".htm", ".xls"];

    public static bool Accepts(string path) =>
        Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads a file from disk; every failure is a <see cref="DocumentReadException"/> with a Chinese message.</summary>
    public static ReadDocument ReadFile(string path)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocumentReadException(path, File.Exists(path) || Directory.Exists(path) ? "文件无法打开（没有读取权限或被占用）" : "文件不存在", e);
        }

        using (stream) return Read(stream, path);
    }

    /// <summary>Reads an uploaded or opened stream; <paramref name="path"/> names it in messages and source positions.</summary>
    public static ReadDocument Read(Stream stream, string path)
    {
        var seekable = ReadInput.Seekable(stream, path);
        return ContentSniffer.Sniff(seekable) switch
        {
            SniffedFormat.Xlsx => XlsxReader.Read(seekable, path),
            SniffedFormat.Docx => DocxReader.Read(seekable, path),
            SniffedFormat.Pdf => PdfReader.Read(seekable, path),
            SniffedFormat.Html => HtmlReader.Read(seekable, path),
            SniffedFormat.Text => Text.TextReader.Read(seekable, path),
            SniffedFormat.Empty => throw new DocumentReadException(path, ReadInput.Empty),
            SniffedFormat.OleCompound => throw new DocumentReadException(path, ReadInput.EncryptedOrLegacyOffice),
            SniffedFormat.OtherZip => throw new DocumentReadException(path, "压缩包中没有 Excel 或 Word 文档，无法读取"),
            SniffedFormat.Unknown => throw new DocumentReadException(path, "无法识别的文件格式（支持 txt、xlsx、docx、pdf、html）"),
        };
    }
}
