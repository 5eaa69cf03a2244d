using System.IO.Compression;
using System.Text;

namespace Jixiao.Documents.Reading;

/// <summary>What a file's bytes say it is, whatever its extension.</summary>
public enum SniffedFormat
{
    Unknown,
    Empty,
    Xlsx,
    Docx,
    Pdf,
    Html,
    /// <summary>An OLE compound file: an encrypted .xlsx/.docx or a legacy .xls/.doc.</summary>
    OleCompound,
    /// <summary>A zip that is neither a workbook nor a Word document.</summary>
    OtherZip,
    /// <summary>Text without markup (the plain-text reader's input).</summary>
    Text,
    /// <summary>
    /// A zip whose directory cannot be read (a truncated file) or an Office package without its workbook or document
    /// part: a damaged .xlsx/.docx, not a file of unknown kind.
    /// </summary>
    DamagedZip,
}

/// <summary>
/// Looks at a file's first bytes (and, for a zip, its central directory) so a dispatcher can send a file to the right
/// reader when the extension lies: sites publish HTML tables as ".xls", users rename files.
/// </summary>
public static class ContentSniffer
{
    /// <summary>Sniffs a seekable stream and leaves its position where it was.</summary>
    public static SniffedFormat Sniff(Stream stream)
    {
        if (!stream.CanSeek) throw new ArgumentException("The stream must be seekable.", nameof(stream));
        var start = stream.Position;
        try
        {
            var head = new byte[4096];
            var got = ReadInput.Peek(stream, head);
            var bytes = head.AsSpan(0, got);
            if (got == 0) return SniffedFormat.Empty;
            if (ReadInput.IsOle(bytes)) return SniffedFormat.OleCompound;
            if (bytes[..Math.Min(got, 1024)].IndexOf("%PDF-"u8) >= 0) return SniffedFormat.Pdf;
            if (got >= 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K') return SniffZip(stream);
            var utf16 = Text.TextDecoding.Utf16(bytes);
            if (utf16 is null && bytes.Contains((byte)0)) return SniffedFormat.Unknown;
            var text = utf16 is null ? Encoding.Latin1.GetString(bytes) : utf16.GetString(bytes[..(got & ~1)]);
            return text.Contains("<html", StringComparison.OrdinalIgnoreCase) || text.Contains("<table", StringComparison.OrdinalIgnoreCase)
                || text.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase) || text.Contains("<body", StringComparison.OrdinalIgnoreCase)
                ? SniffedFormat.Html
                : SniffedFormat.Text;
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static SniffedFormat SniffZip(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            // Only names are looked at: no entry is decompressed.
            var office = false;
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.StartsWith("xl/", StringComparison.OrdinalIgnoreCase)) return SniffedFormat.Xlsx;
                if (entry.FullName.StartsWith("word/", StringComparison.OrdinalIgnoreCase)) return SniffedFormat.Docx;
                office |= entry.FullName.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase);
            }

            return office ? SniffedFormat.DamagedZip : SniffedFormat.OtherZip;
        }
        catch (InvalidDataException)
        {
            return SniffedFormat.DamagedZip;
        }
    }
}
