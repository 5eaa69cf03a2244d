using System.Text;

namespace Jixiao.Documents.Text;

/// <summary>
/// Which Unicode encoding a text file without markup is in when it is not a byte-oriented one. Excel saves "Unicode
/// text" as UTF-16 little-endian with a byte-order mark; other tools drop the mark. Tabs and line ends are ASCII, so
/// in UTF-16 every table has NUL bytes, nearly all on one side of each code unit: that side says the byte order.
/// </summary>
internal static class TextDecoding
{
    public static Encoding? Utf16(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode;
        var length = head.Length & ~1;
        if (length < 4) return null;
        int zerosEven = 0, zerosOdd = 0;
        for (var i = 0; i < length; i += 2)
        {
            if (head[i] == 0) zerosEven++;
            if (head[i + 1] == 0) zerosOdd++;
        }

        // A few CJK characters have a zero low byte (一 is U+4E00), so the other side may hold some NULs too.
        Encoding encoding;
        if (zerosOdd >= 2 && zerosOdd >= 4 * zerosEven) encoding = Encoding.Unicode;
        else if (zerosEven >= 2 && zerosEven >= 4 * zerosOdd) encoding = Encoding.BigEndianUnicode;
        else return null;

        // Binary data can have its NULs on one side by chance; text has no control characters but tab and line ends.
        foreach (var ch in encoding.GetString(head[..length]))
            if (ch < 0x20 && ch is not ('\t' or '\n' or '\r' or '\f')) return null;
        return encoding;
    }
}
