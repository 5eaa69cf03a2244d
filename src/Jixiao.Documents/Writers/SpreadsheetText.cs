using System.Globalization;
using CsvHelper;

namespace Jixiao.Documents.Writers;

/// <summary>
/// Text that a spreadsheet must show, never run. A cell whose text starts with = + - @, a tab or a CR can be taken for a
/// formula (a project named <c>=HYPERLINK("http://x","y")</c> becomes a live link); published files reach anyone, so
/// every CSV and xlsx writer neutralises such text: CSV through CsvHelper's injection escaping (a leading ', the field
/// quoted), xlsx with the cell's quotePrefix style, which keeps it text even when someone edits it.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>OWASP's list, and CsvHelper's default.</summary>
    public const string FormulaStarts = "=+-@\t\r";

    /// <summary>Whether <paramref name="text"/> would be taken for a formula. Plain numbers ("-5") are numbers, not formulas.</summary>
    public static bool LooksLikeFormula(string? text) =>
        !string.IsNullOrEmpty(text) && FormulaStarts.Contains(text[0], StringComparison.Ordinal)
        && !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _);

    /// <summary>RFC 4180, UTF-8 with a byte-order mark (so Excel shows the Chinese), CRLF, formulas escaped.</summary>
    public static CsvWriter Csv(Stream output) =>
        CsvWriter.Create(output, new CsvWriterOptions
        {
            Injection = CsvInjection.Escape,
            InjectionCharacters = FormulaStarts,
            WriteByteOrderMark = true,
            FormatProvider = CultureInfo.InvariantCulture,
        }, leaveOpen: true);

    public static void Field(this CsvWriter csv, string? text) => csv.WriteField(text);

    public static void Field(this CsvWriter csv, decimal? number) => csv.WriteField(number, "");

    public static void Field(this CsvWriter csv, int? number) => csv.WriteField(number, "");
}
