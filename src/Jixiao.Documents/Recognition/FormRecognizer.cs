using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Core.Forms;
using Jixiao.Core.Templates;
using Jixiao.Documents.Grid;

namespace Jixiao.Documents.Recognition;

/// <summary>
/// Turns what a reader found (cell grids and paragraphs) into forms of the model: where each form starts and ends, its
/// kind, header fields, funds block, overall target, indicator rows, basic data and narrative reports. It works from
/// the layouts of the domain guide (§2) and recognises header words by meaning, so it is not tied to one province's
/// spelling. Where cells are shifted it keeps what is certain and says in <see cref="PerformanceForm.ReadingDoubts"/>
/// what it could not place; it never makes a value up.
/// </summary>
public static partial class FormRecognizer
{
    /// <summary>Recognises with <see cref="TemplateRegistry.Current"/>: the built-in templates and a bureau's folder, if one was given.</summary>
    public static IReadOnlyList<PerformanceForm> Recognize(ReadDocument document) => Recognize(document, TemplateRegistry.Current);

    /// <summary>Recognises with the lexicon and templates of <paramref name="registry"/> (built-in plus a bureau's own).</summary>
    public static IReadOnlyList<PerformanceForm> Recognize(ReadDocument document, TemplateRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(registry);
        var words = Vocabulary.For(registry);
        var rows = TokenStream.Reflow(SpacedRows.Split(StackedTreeHeader.Split(StackedFundsHeader.Split(GluedRows.Split(WrappedFundsTable.Split(SourceRow.From(document), words), words), words), words), words), words);
        var forms = new List<PerformanceForm>();
        FormBuilder? current = null;
        ReportBuilder? report = null;

        void Close()
        {
            if (current is not null && current.Finish() is { } form) forms.Add(form);
            if (report is not null) forms.Add(report.Finish());
            current = null;
            report = null;
        }

        foreach (var row in rows)
        {
            if (row.NonEmptyCount == 0) continue;
            if (TitleOf(words, row) is { } title)
            {
                Close();
                if (title.Kind == FormKind.Report) report = new ReportBuilder(words, title.Text, row.Source);
                else current = new FormBuilder(words, title.Kind, title.Text, title.Rest, row.Source);
                continue;
            }
            if (report is not null)
            {
                report.Add(row);
                continue;
            }
            // A scoring sheet's header after a table that printed nothing but head fields (a blank attachment's 项目名称 row
            // taking the next label for its value): that head was no form, and the sheet starts here.
            if (current is { HoldsOnlyHeaderFields: true } && FormBuilder.UntitledKind(words, row, null) is { } sheet && sheet.IsScoringSheet()
                && sheet != current.Form.Kind)
            {
                current = new FormBuilder(words, sheet, null, null, row.Source);
                current.Add(row);
                continue;
            }
            if (current is null || current.StartsAnotherForm(row))
            {
                // A table without a printed title: a 项目名称 row opens a project form, 部门（单位）名称 a department-wide one.
                var kind = FormBuilder.UntitledKind(words, row, current?.Form.Kind);
                if (kind is null) continue;
                Close();
                current = new FormBuilder(words, kind.Value, null, null, row.Source);
            }
            current.Add(row);
        }
        Close();
        return forms;
    }

    private sealed record Title(FormKind Kind, string Text, string? Rest);

    private static Title? TitleOf(Vocabulary words, SourceRow row)
    {
        if (row.NonEmptyCount != 1) return null;
        var first = row.FirstNonEmpty;
        var key = row.Keys[first];
        var kind = words.TitleKind(key);
        if (kind is null) return null;
        var text = row.Text[first];
        var newline = text.IndexOf('\n');
        var title = newline < 0 ? text : text[..newline];
        var rest = newline < 0 ? null : text[(newline + 1)..];
        return new Title(kind.Value, StripNumbering(title), rest);
    }

    /// <summary>"6 部门整体自评表" is printed as the sixth table of a volume; the number is not part of the title.</summary>
    private static string StripNumbering(string title)
    {
        var i = 0;
        while (i < title.Length && char.IsAsciiDigit(title[i])) i++;
        if (i > 0 && i < 3 && i < title.Length && (title[i] == ' ' || title[i] == '、' || title[i] == '.')) return title[(i + 1)..].Trim();
        return title;
    }

    /// <summary>A narrative report: everything from its title to the next form, unit and year from title and signature.</summary>
    private sealed class ReportBuilder(Vocabulary words, string title, SourcePosition? source)
    {
        private readonly List<string> _lines = [];

        public void Add(SourceRow row)
        {
            var parts = new List<string>(row.Width);
            foreach (var t in row.Text)
                if (t.Length > 0) parts.Add(t);
            _lines.Add(string.Join('\t', parts));
        }

        public PerformanceForm Finish()
        {
            // "附表：" announces the tables after the report; it is not part of the narrative.
            while (_lines.Count > 0 && words.Report.AttachmentLines.Contains(_lines[^1].TrimEnd(':', '：').Trim()))
                _lines.RemoveAt(_lines.Count - 1);
            var form = new PerformanceForm
            {
                Kind = FormKind.Report,
                Title = title,
                Year = Vocabulary.Year(title),
                Source = source,
                Text = string.Join('\n', _lines.Prepend(title)),
            };
            form.Unit = Signature() ?? UnitInTitle(words, title);
            StatedScoreAndGrade(form);
            return form;
        }

        /// <summary>
        /// The total and grade the narrative states ("自评综合得分为96分", "评价等级为“优”"), for the checker to hold
        /// against the tables. Several different totals are not resolved here: they are noted.
        /// </summary>
        private void StatedScoreAndGrade(PerformanceForm form)
        {
            var totals = new List<decimal>();
            var grades = new List<string>();
            foreach (var line in _lines)
            {
                // Full-width digits ("９６分") are read as the digits they are; only what parses as a number is taken.
                foreach (Match m in words.ReportTotal.Matches(TextNorm.Compatible(line)))
                    if (decimal.TryParse(m.Groups[1].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var total))
                        totals.Add(total);
                foreach (Match m in words.ReportGrade.Matches(line))
                    grades.Add(m.Groups[1].Value[..1]);
            }
            if (totals.Count > 0 && totals.TrueForAll(t => t == totals[0])) form.StatedTotal = totals[0];
            else if (totals.Count > 0)
                form.ReadingDoubts.Add(new ReadingDoubt
                {
                    Reason = DoubtReason.ConflictingStatements, Block = FormBlock.Report, Cells = [CellRole.StatedTotal],
                    Text = string.Join("、", totals.Distinct().Select(t => t.ToString(CultureInfo.InvariantCulture) + "分")),
                });
            if (grades.Count > 0 && grades.TrueForAll(g => g == grades[0])) form.StatedGrade = grades[0];
            else if (grades.Count > 0)
                form.ReadingDoubts.Add(new ReadingDoubt
                {
                    Reason = DoubtReason.ConflictingStatements, Block = FormBlock.Report, Cells = [CellRole.StatedGrade], Text = string.Join("、", grades.Distinct()),
                });
        }

        /// <summary>The unit signing the report: the short line before the closing date ("长沙市望城区数据资源中心 / 2021年1月25日").</summary>
        private string? Signature()
        {
            for (var i = _lines.Count - 1; i >= 0 && i >= _lines.Count - 4; i--)
            {
                if (!IsDate(_lines[i])) continue;
                if (i > 0 && LooksLikeUnit(words, _lines[i - 1])) return _lines[i - 1];
                return null;
            }
            var last = _lines.Count > 0 ? _lines[^1] : "";
            return LooksLikeUnit(words, last) ? last : null;
        }

        private static bool IsDate(string line)
        {
            var k = TextNorm.Key(line);
            return k.Length <= 16 && k.EndsWith('日') && k.Contains('年') && k.Contains('月');
        }

        private static bool LooksLikeUnit(Vocabulary words, string line)
        {
            var k = TextNorm.Key(line);
            if (k.Length is < 3 or > 30 || k.Contains('，') || k.Contains('。') || k.Contains(',')) return false;
            foreach (var e in words.Report.UnitEndings)
                if (k.EndsWith(e, StringComparison.Ordinal)) return true;
            return false;
        }

        /// <summary>"2020 年度望城区数据资源中心部门整体支出…报告": the unit between the year and the form words.</summary>
        private static string? UnitInTitle(Vocabulary words, string title)
        {
            var k = TextNorm.Key(title);
            var start = k.IndexOf("年度", StringComparison.Ordinal);
            start = start >= 0 ? start + 2 : k.IndexOf('年') + 1;
            var end = -1;
            foreach (var word in words.Report.TitleUnitEnds)
                if (end < 0) end = k.IndexOf(word, StringComparison.Ordinal);
            if (start <= 0 || end <= start) return null;
            var unit = k[start..end];
            return LooksLikeUnit(words, unit) ? unit : null;
        }
    }

    internal static string JoinNonEmpty(SourceRow row, int from, int to = int.MaxValue)
    {
        var sb = new StringBuilder();
        for (var c = Math.Max(0, from); c < row.Width && c < to; c++)
        {
            if (row.Text[c].Length == 0) continue;
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(row.Text[c]);
        }
        return sb.ToString();
    }
}
