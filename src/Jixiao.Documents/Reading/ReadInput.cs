using System.IO.Compression;

namespace Jixiao.Documents.Reading;

/// <summary>
/// The checks every reader makes before it hands bytes to a parser: size, emptiness, the OLE magic of encrypted or
/// legacy Office files, and the zip central directory of OOXML packages (a zip bomb is refused before anything is
/// decompressed).
/// </summary>
internal static class ReadInput
{
    public const string Empty = "文件为空";
    public const string Unreadable = "文件无法读取";
    public const string EncryptedOrLegacyOffice = "文件已加密或为旧版 Office 格式（.xls/.doc），请另存为 .xlsx/.docx 后再导入";
    public const string TooManyEntries = "压缩包条目过多，拒绝解压";
    public const string TooLargeUncompressed = "压缩包解压后过大，拒绝解压";

    public static DocumentReadException TooLarge(ReadBudget budget) =>
        new(budget.Path, ReadLimit.FileBytes, $"文件过大（超过 {budget.Limits.MaxFileBytes / (1024 * 1024)} MB）");

    private static ReadOnlySpan<byte> OleMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>
    /// A seekable view of the whole file. Parsers for zip and PDF need to seek; a seekable stream is used as it is, any
    /// other is copied (at most <see cref="ReadLimits.MaxFileBytes"/> + 1 bytes, so a huge upload is never held whole).
    /// </summary>
    public static Stream Seekable(Stream stream, ReadBudget budget)
    {
        var path = budget.Path;
        var max = budget.Limits.MaxFileBytes;
        try
        {
            if (stream.CanSeek)
            {
                var length = stream.Length - stream.Position;
                if (length <= 0) throw new DocumentReadException(path, Empty);
                if (length > max) throw TooLarge(budget);
                return stream;
            }

            var copy = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                copy.Write(buffer, 0, read);
                if (copy.Length > max) throw TooLarge(budget);
            }

            if (copy.Length == 0) throw new DocumentReadException(path, Empty);
            copy.Position = 0;
            return copy;
        }
        catch (IOException e)
        {
            throw new DocumentReadException(path, Unreadable, e);
        }
    }

    /// <summary>The first bytes of the stream without moving it.</summary>
    public static int Peek(Stream stream, Span<byte> into)
    {
        var start = stream.Position;
        var total = 0;
        int read;
        while (total < into.Length && (read = stream.Read(into[total..])) > 0) total += read;
        stream.Position = start;
        return total;
    }

    public static bool IsOle(ReadOnlySpan<byte> head) => head.StartsWith(OleMagic);

    /// <summary>
    /// Refuses OLE files (Office encrypts OOXML into an OLE container; .xls/.doc are OLE too) and zip bombs, reading only
    /// the central directory, and returns the open archive for the caller to read (and dispose). The declared sizes are
    /// what ZipArchive enforces when it decompresses (checked: an entry whose header claims 10 bytes yields 10), so a
    /// lying header cannot make an entry grow past them.
    /// </summary>
    public static ZipArchive OpenOfficeZip(Stream stream, ReadBudget budget, string notThisFormat)
    {
        var path = budget.Path;
        Span<byte> head = stackalloc byte[8];
        var got = Peek(stream, head);
        if (IsOle(head[..got])) throw new DocumentReadException(path, EncryptedOrLegacyOffice);
        if (got < 4 || head[0] != (byte)'P' || head[1] != (byte)'K') throw new DocumentReadException(path, notThisFormat);

        ZipArchive? zip = null;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > budget.Limits.MaxZipEntries) throw new DocumentReadException(path, ReadLimit.ZipEntries, TooManyEntries);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.Length < 0 || total > budget.Limits.MaxDecompressedBytes)
                    throw new DocumentReadException(path, ReadLimit.DecompressedBytes, TooLargeUncompressed);
            }

            return zip;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            zip?.Dispose();
            throw new DocumentReadException(path, notThisFormat, e);
        }
        catch
        {
            zip?.Dispose();
            throw;
        }
    }
}
