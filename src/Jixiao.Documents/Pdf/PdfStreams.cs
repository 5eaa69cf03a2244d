using System.IO.Compression;
using Jixiao.Documents.Reading;

namespace Jixiao.Documents.Pdf;

/// <summary>
/// What a PDF's compressed streams inflate to, counted before the PDF library decodes any of them: it inflates a
/// stream whole into memory with no limit, so a 1 MB flate stream of zeros would become a gigabyte. Each stream between
/// "stream" and "endstream" is inflated into a scratch buffer that is thrown away, and the total is held against
/// <see cref="ReadLimits.MaxDecompressedBytes"/>. Streams that are not flate-encoded, or whose data is broken, are left
/// to the library, which refuses or skips them.
/// </summary>
/// <remarks>
/// The same pass counts the subpaths a stream starts ("m" and "re" operators): the library builds every path of a page
/// before any can be counted, and a page of sixty thousand rectangles takes seconds to build. A stream starting more
/// subpaths than <see cref="ReadLimits.MaxDrawingsPerPage"/> is refused before that.
/// </remarks>
internal static class PdfStreams
{
    public static void Check(Stream input, ReadBudget budget)
    {
        var start = input.Position;
        byte[] bytes;
        if (input is MemoryStream memory && memory.TryGetBuffer(out var segment) && segment.Offset == 0)
            bytes = segment.Array!;
        else
        {
            bytes = new byte[input.Length - start];
            input.ReadExactly(bytes);
            input.Position = start;
        }

        var data = bytes.AsSpan(0, (int)Math.Min(bytes.Length, input.Length));
        var scratch = new byte[81920];
        var at = 0;
        var number = 0;
        while (true)
        {
            var found = data[at..].IndexOf("stream"u8);
            if (found < 0) break;
            var keyword = at + found;
            at = keyword + 6;
            // "endstream" ends a stream; only "stream" after a dictionary and before a line end starts one.
            if (keyword >= 3 && data.Slice(keyword - 3, 3).SequenceEqual("end"u8)) continue;
            var body = at;
            if (body < data.Length && data[body] == '\r') body++;
            if (body >= data.Length || data[body] != '\n') continue;
            body++;
            var end = data[body..].IndexOf("endstream"u8);
            var length = end < 0 ? data.Length - body : end;
            number++;
            var subpaths = new SubpathCounter();
            if (IsFlate(data[..keyword])) budget.Decompressed(Inflated(bytes, body, length, scratch, budget, subpaths), $"第 {number} 个数据流");
            else subpaths.Add(data.Slice(body, length));
            if (subpaths.Count > budget.Limits.MaxDrawingsPerPage)
                throw budget.Exceeded(ReadLimit.Drawings, $"一个内容流中的线条图形超过 {budget.Limits.MaxDrawingsPerPage} 个", $"第 {number} 个数据流");
            at = body + length;
            if ((number & 63) == 0) budget.Time("PDF 数据流");
        }
    }

    /// <summary>Whether the dictionary just before "stream" names the flate filter.</summary>
    private static bool IsFlate(ReadOnlySpan<byte> before)
    {
        var from = Math.Max(0, before.Length - 2048);
        var dictionary = before[from..];
        var obj = dictionary.LastIndexOf(" obj"u8);
        if (obj >= 0) dictionary = dictionary[obj..];
        return dictionary.IndexOf("/FlateDecode"u8) >= 0 || dictionary.IndexOf("/Fl"u8) >= 0;
    }

    /// <summary>Bytes the stream inflates to and the subpaths it starts, stopping as soon as the file's budget is gone.</summary>
    private static long Inflated(byte[] bytes, int offset, int length, byte[] scratch, ReadBudget budget, SubpathCounter subpaths)
    {
        // The zlib header (two bytes) is skipped as the PDF library does; raw deflate follows.
        var skip = length >= 2 && (bytes[offset] & 0x0F) == 8 && ((bytes[offset] << 8) | bytes[offset + 1]) % 31 == 0 ? 2 : 0;
        long total = 0;
        try
        {
            using var inflate = new DeflateStream(new MemoryStream(bytes, offset + skip, length - skip, writable: false), CompressionMode.Decompress);
            int read;
            while ((read = inflate.Read(scratch, 0, scratch.Length)) > 0)
            {
                subpaths.Add(scratch.AsSpan(0, read));

                total += read;
                if (total > budget.Limits.MaxDecompressedBytes) break;
            }
        }
        catch (InvalidDataException)
        {
            // Broken data: the library meets the same error and skips or refuses the stream.
        }

        return total;
    }

    /// <summary>Counts " m " and " re " operator tokens over a stream given in pieces.</summary>
    private sealed class SubpathCounter
    {
        private byte p1 = (byte)' ', p2 = (byte)' ', p3 = (byte)' ';

        public int Count { get; private set; }

        public void Add(ReadOnlySpan<byte> data)
        {
            foreach (var b in data)
            {
                if (IsSpace(b) && ((p1 == 'm' && IsSpace(p2)) || (p1 == 'e' && p2 == 'r' && IsSpace(p3)))) Count++;
                p3 = p2;
                p2 = p1;
                p1 = b;
            }
        }
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0;
}
