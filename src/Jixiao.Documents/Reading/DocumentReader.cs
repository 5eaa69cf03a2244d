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

    /// <summary>
    /// Reads a file from disk; every failure is a <see cref="DocumentReadException"/> with a Chinese message.
    /// <paramref name="limits"/> defaults to <see cref="ReadLimits.Default"/>.
    /// </summary>
    public static ReadDocument ReadFile(string path, ReadLimits? limits = null)
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

        using (stream) return Read(stream, path, limits);
    }

    /// <summary>
    /// Reads an uploaded or opened stream; <paramref name="path"/> names it in messages and source positions. Every
    /// budget of <paramref name="limits"/> (default <see cref="ReadLimits.Default"/>) holds for the whole file,
    /// <see cref="ReadLimits.MaxTime"/> included.
    /// </summary>
    public static ReadDocument Read(Stream stream, string path, ReadLimits? limits = null)
    {
        var budget = ReadBudget.For(path, limits);
        var seekable = ReadInput.Seekable(stream, budget);
        try
        {
            return Read(seekable, budget);
        }
        finally
        {
            if (!ReferenceEquals(seekable, stream)) seekable.Dispose();
        }
    }

    private static ReadDocument Read(Stream seekable, ReadBudget budget)
    {
        var path = budget.Path;
        return ContentSniffer.Sniff(seekable) switch
        {
            SniffedFormat.Xlsx => XlsxReader.Read(seekable, budget),
            SniffedFormat.Docx => DocxReader.Read(seekable, budget),
            SniffedFormat.Pdf => PdfReader.Read(seekable, budget),
            SniffedFormat.Html => HtmlReader.Read(seekable, budget),
            SniffedFormat.Text => Text.TextReader.Read(seekable, budget),
            SniffedFormat.DamagedZip => throw new DocumentReadException(path, "文件已损坏：压缩包不完整或缺少工作簿/正文部分，请用 Excel 或 Word 重新保存后再导入"),
            SniffedFormat.Empty => throw new DocumentReadException(path, ReadInput.Empty),
            SniffedFormat.OleCompound => throw new DocumentReadException(path, ReadInput.EncryptedOrLegacyOffice),
            SniffedFormat.OtherZip => throw new DocumentReadException(path, "压缩包中没有 Excel 或 Word 文档，无法读取"),
            SniffedFormat.Unknown => throw new DocumentReadException(path, "无法识别的文件格式（支持 txt、xlsx、docx、pdf、html）"),
        };
    }
}
