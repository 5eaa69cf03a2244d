using System.IO.Compression;
using Jixiao.Documents.Reading;

namespace Jixiao.Documents.Tests.Fixtures;

/// <summary>Files a reader must refuse with a clear message, made on the spot.</summary>
public static class BadFiles
{
    private static readonly Lazy<byte[]> HugeEntry = new(() => Zip(zip =>
    {
        // Zeros deflate about 1000:1, so a few hundred kilobytes declare more than the whole-file limit.
        var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest);
        using var s = entry.Open();
        var block = new byte[1 << 20];
        for (long written = 0; written <= ReadLimits.Default.MaxDecompressedBytes; written += block.Length) s.Write(block);
    }));

    public static byte[] Empty => [];

    /// <summary>Deterministic noise: the same bytes every run.</summary>
    public static byte[] RandomBytes(int length = 4096)
    {
        var bytes = new byte[length];
        new Random(20201231).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The first half of a real file: the zip central directory (at the end) is gone.</summary>
    public static byte[] Truncated(byte[] file) => file[..(file.Length / 2)];

    /// <summary>An OLE compound file header, which is how Office stores an encrypted .xlsx/.docx (and old .xls/.doc).</summary>
    public static byte[] OleCompoundFile()
    {
        var bytes = new byte[4096];
        byte[] magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        magic.CopyTo(bytes, 0);
        return bytes;
    }

    public static byte[] ZipWithTooManyEntries() => Zip(zip =>
    {
        for (var i = 0; i <= ReadLimits.Default.MaxZipEntries; i++) zip.CreateEntry($"xl/media/image{i}.png", CompressionLevel.NoCompression);
    });

    public static byte[] ZipWithHugeEntry() => HugeEntry.Value;

    /// <summary>A valid zip that is not an Office package.</summary>
    public static byte[] PlainZip() => Zip(zip =>
    {
        using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
        writer.Write("不是 Office 文件");
    });

    private static byte[] Zip(Action<ZipArchive> fill)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true)) fill(zip);
        return stream.ToArray();
    }
}

/// <summary>PDFs a reader must refuse, written byte by byte (no PDF tool on the machine can encrypt).</summary>
public static class BadPdfs
{
    /// <summary>
    /// A one-page PDF under the standard security handler (RC4, revision 2) whose user password is not empty, so no
    /// reader can open it without asking.
    /// </summary>
    public static byte[] Encrypted()
    {
        var id = new string('A', 32);
        return Assemble(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
            $"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <{new string('1', 64)}> /U <{new string('2', 64)}> >>",
            trailerExtra: $"/Encrypt 4 0 R /ID [<{id}> <{id}>]");
    }

    private static byte[] Assemble(string[] objects, string trailerExtra)
    {
        var text = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(text.Length);
            text.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }

        var xref = text.Length;
        text.Append("xref\n0 ").Append(objects.Length + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets) text.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        text.Append("trailer\n<< /Size ").Append(objects.Length + 1).Append(" /Root 1 0 R ").Append(trailerExtra).Append(" >>\nstartxref\n")
            .Append(xref).Append("\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(text.ToString());
    }

    private static byte[] Assemble(string catalog, string pages, string page, string encrypt, string trailerExtra) =>
        Assemble([catalog, pages, page, encrypt], trailerExtra);
}
