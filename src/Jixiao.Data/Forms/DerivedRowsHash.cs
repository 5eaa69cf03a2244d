using System.Buffers;
using System.Buffers.Binary;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Jixiao.Data.Model;

namespace Jixiao.Data.Forms;

/// <summary>
/// A fingerprint of the finding rows and indicator facts one write of a form derives (<see cref="FormFact.RowsHash"/>):
/// every column of every row, in order, except the row's own key and its form's. Two derivations with the same
/// fingerprint write the same rows, so a save that derives what the last write stored need not read them.
/// </summary>
/// <remarks>
/// The columns are the entity classes' scalar properties, found by reflection rather than listed, so a column added to
/// either class later is in the fingerprint (and copied in place) without anyone remembering to add it here. SHA-256
/// over a few kilobytes costs microseconds; a 64-bit prefix makes a false match (rows left stale) a 2⁻⁶⁴ chance.
/// </remarks>
public static class DerivedRowsHash
{
    /// <summary>The columns of one row type: read for the fingerprint, copied when a stored row is rewritten in place.</summary>
    public sealed class Columns<T>(params string[] keys) where T : class
    {
        private readonly PropertyInfo[] properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && IsScalar(p.PropertyType) && !keys.Contains(p.Name))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToArray();

        private readonly PropertyInfo position = typeof(T).GetProperty("Position")!;

        public int PositionOf(T row) => (int)position.GetValue(row)!;

        /// <summary>Sets every column of <paramref name="target"/> (a tracked row) to <paramref name="source"/>'s; EF writes only those that differ.</summary>
        public void Copy(T source, T target)
        {
            foreach (var p in properties) p.SetValue(target, p.GetValue(source));
        }

        public void Append(HashWriter writer, T row)
        {
            foreach (var p in properties) writer.Value(p.GetValue(row));
        }
    }

    /// <summary>A finding row's columns; its identity and its form are not derived.</summary>
    public static readonly Columns<FormFinding> Finding = new(nameof(FormFinding.Id), nameof(FormFinding.FormId));

    /// <summary>An indicator fact's columns; its key (form, position) is not derived (the position is the row's place in the list).</summary>
    public static readonly Columns<IndicatorFact> Indicator = new(nameof(IndicatorFact.FormId), nameof(IndicatorFact.Position));

    public static long Of(IReadOnlyList<FormFinding> findings, IReadOnlyList<IndicatorFact> indicators)
    {
        var writer = new HashWriter();
        writer.Value(findings.Count);
        foreach (var row in findings) Finding.Append(writer, row);
        writer.Value(indicators.Count);
        foreach (var row in indicators) Indicator.Append(writer, row);
        return writer.Finish();
    }

    /// <summary>A column's type: text or any value type (navigations and collections are classes).</summary>
    private static bool IsScalar(Type type) => type == typeof(string) || type.IsValueType;

    /// <summary>Values as tagged bytes, so that neither a null and an empty text nor two texts split differently look alike.</summary>
    /// <remarks>
    /// The bytes are gathered and hashed once at the end: appending each column to an <see cref="IncrementalHash"/> was a
    /// call into OpenSSL per column, some four hundred a save, and 3–4 % of a save's processor time (perf). The digest of
    /// the same bytes is the same, so fingerprints stored before still match.
    /// </remarks>
    public sealed class HashWriter
    {
        // From the shared pool: a save's rows are a few kilobytes, and a buffer of its own each time was garbage.
        private byte[] buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        private int length;

        public void Value(object? value)
        {
            switch (value)
            {
                case null:
                    Tagged(0, 0);
                    break;
                case string text:
                    Tagged(1, Encoding.UTF8.GetByteCount(text));
                    length += Encoding.UTF8.GetBytes(text, Space(Encoding.UTF8.GetMaxByteCount(text.Length)));
                    break;
                case decimal number:
                    // Its four 32-bit parts: 1.0 and 1.00 differ, which only costs a rewrite that changes nothing.
                    var span = Space(17);
                    span[0] = 2;
                    Span<int> bits = stackalloc int[4];
                    decimal.GetBits(number, bits);
                    for (var i = 0; i < 4; i++) BinaryPrimitives.WriteInt32LittleEndian(span[(1 + 4 * i)..], bits[i]);
                    length += 17;
                    break;
                case DateTimeOffset time:
                    Tagged(3, time.UtcTicks);
                    break;
                case bool flag:
                    Tagged(4, flag ? 1 : 0);
                    break;
                case Enum e:
                    Tagged(5, Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case int or long or short or byte:
                    Tagged(6, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    // Any other type a column may get later (a double, a date …) by its exact invariant text, never rounded to an integer.
                    Value($"{value.GetType().FullName}:{(value is IFormattable f ? f.ToString(value is double or float ? "R" : null, System.Globalization.CultureInfo.InvariantCulture) : value.ToString())}");
                    break;
            }
        }

        private void Tagged(byte tag, long value)
        {
            var span = Space(9);
            span[0] = tag;
            BinaryPrimitives.WriteInt64LittleEndian(span[1..], value);
            length += 9;
        }

        /// <summary>Room for <paramref name="size"/> more bytes after those written.</summary>
        private Span<byte> Space(int size)
        {
            if (length + size > buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + size));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
            return buffer.AsSpan(length);
        }

        public long Finish()
        {
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(buffer.AsSpan(0, length), digest);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
            length = 0;
            return BinaryPrimitives.ReadInt64LittleEndian(digest);
        }
    }
}
