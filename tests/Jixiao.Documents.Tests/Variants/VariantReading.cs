using System.Globalization;
using System.Text;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Recognition;
using Jixiao.Documents.Tests.Fixtures;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Variants;

/// <summary>
/// Writes a layout variant in one text shape or file format, reads it back, and lists every fact that differs from the
/// clean form (a fact the reader reports a doubt on counts as doubted, not as misread) and every error finding.
/// </summary>
public static class VariantReading
{
    /// <summary>The shapes converters give a table as text, as in <c>SameFormInEveryTextShapeTests</c>.</summary>
    public static readonly string[] TextShapes = ["tabs", "pipes", "cell-per-line", "cell-per-line-with-bars", "spaced", "flattened"];

    public static readonly string[] FileFormats = ["xlsx", "docx", "html"];

    public sealed record Outcome(IReadOnlyList<string> Misread, IReadOnlyList<string> Doubted, IReadOnlyList<string> Errors)
    {
        public bool ReadsRight => Misread.Count == 0 && Errors.Count == 0;

        public override string ToString() =>
            string.Join("\n", Misread.Select(m => "misread: " + m).Concat(Doubted.Select(d => "doubted: " + d)).Concat(Errors.Select(e => "error: " + e)));
    }

    /// <summary>Rows of the grid as the page shows them; a merged cell's text stands in its first row and column only.</summary>
    public static string[][] Rows(CellGrid grid)
    {
        var width = grid.Cells.Max(c => c.Column + c.ColumnSpan);
        var rows = new string[grid.Cells.Max(c => c.Row + c.RowSpan)][];
        for (var r = 0; r < rows.Length; r++) rows[r] = Enumerable.Repeat("", width).ToArray();
        foreach (var cell in grid.Cells) rows[cell.Row][cell.Column] = cell.Text;
        // Trailing empty cells leave no trace in any converter's output.
        return [.. rows.Select(r => r.Reverse().SkipWhile(c => c.Length == 0).Reverse().ToArray())];
    }

    public static string Text(CellGrid grid, string shape)
    {
        var table = Rows(grid);
        return shape switch
        {
            "tabs" => string.Join('\n', table.Select(r => string.Join('\t', r))),
            "pipes" => string.Join('\n', table.Select(r => string.Join(" | ", r.SkipWhile(c => c.Length == 0)) + " |")),
            "cell-per-line" => string.Join('\n', table.SelectMany(r => r.Where(c => c.Length > 0))),
            "cell-per-line-with-bars" => string.Join('\n', table.SelectMany(r => r.Select(c => c.Length > 0 ? c + " |" : "|"))),
            "spaced" => string.Join('\n', table.Select(r => string.Join(' ', r.Where(c => c.Length > 0)))),
            "flattened" => string.Join(' ', table.SelectMany(r => r.Where(c => c.Length > 0))),
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };
    }

    public static IReadOnlyList<PerformanceForm> Read(LayoutVariant variant, string shapeOrFormat)
    {
        var grid = variant.Grid();
        if (TextShapes.Contains(shapeOrFormat))
            return FormRecognizer.Recognize(TextReader.Read(Text(grid, shapeOrFormat), "variant.txt"));
        var bytes = shapeOrFormat switch
        {
            "xlsx" => XlsxFixture.Build(grid),
            "docx" => DocxFixture.Build(grid),
            "html" => HtmlFixture.Build(grid),
            "pdf" => PdfFixture.Build(grid),
            _ => throw new ArgumentOutOfRangeException(nameof(shapeOrFormat)),
        };
        return FormRecognizer.Recognize(DocumentReader.Read(new MemoryStream(bytes), "variant." + shapeOrFormat));
    }

    public static Outcome Check(LayoutVariant variant, string shapeOrFormat)
    {
        var forms = Read(variant, shapeOrFormat);
        var misread = new List<string>();
        var doubted = new List<string>();
        if (forms.Count != 1) return new([$"{forms.Count} forms read instead of one"], [], []);
        var form = forms[0];
        var clean = variant.Form;
        var scale = variant.InYuan ? 10000m : 1m;

        // A doubt covers a fact when it is on the whole form or block, or on the fact's row and cell.
        void Fact(string where, object? expected, object? actual, FormBlock block, SourcePosition? row = null, CellRole? role = null)
        {
            if (Equals(expected, actual)) return;
            var line = $"{where}: expected {expected ?? "(none)"}, read {actual ?? "(none)"}";
            var doubt = form.ReadingDoubts.Any(d => d.Block is FormBlock.Form || d.Block == block
                && (d.Scope is DoubtScope.Block || d.IsAt(row) && (role is null || d.Covers(role.Value))));
            (doubt ? doubted : misread).Add(line);
        }

        Fact("kind", FormKind.ProjectSelfEvaluation, form.Kind, FormBlock.Form);
        Fact("year", clean.Year, form.Year, FormBlock.Header);
        Fact("project", clean.Project, Same(form.Project), FormBlock.Header);
        Fact("money unit", variant.InYuan ? MoneyUnit.Yuan : MoneyUnit.TenThousandYuan, form.MoneyUnit, FormBlock.Funds);

        var funds = clean.Funds.Where((f, i) => i < 2 || variant.OtherFundsRows).ToList();
        for (var i = 0; i < funds.Count; i++)
        {
            var expected = funds[i];
            var read = i < form.Funds.Count ? form.Funds[i] : null;
            var where = $"funds {i + 1} ({expected.Label})";
            if (read is null)
            {
                if (expected.Budget is not null) misread.Add(where + ": not read");
                continue;
            }
            if (variant.InitialBudgetColumn) Fact(where + " initial budget", expected.Initial * scale, read.InitialBudget, FormBlock.Funds, read.Source, CellRole.InitialBudget);
            Fact(where + " budget", expected.Budget * scale, read.Budget, FormBlock.Funds, read.Source, CellRole.Budget);
            Fact(where + " executed", expected.Executed * scale, read.Executed, FormBlock.Funds, read.Source, CellRole.Executed);
            Fact(where + " weight", expected.Weight, read.Weight, FormBlock.Funds, read.Source, CellRole.Weight);
            Fact(where + " rate", expected.RatePoints / 100m, read.StatedRate?.Fraction, FormBlock.Funds, read.Source, CellRole.Rate);
            Fact(where + " score", expected.Score, read.StatedScore, FormBlock.Funds, read.Source, CellRole.Score);
        }

        var indicators = clean.Indicators;
        if (form.Indicators.Count != indicators.Count)
            misread.Add($"indicators: expected {indicators.Count} rows, read {form.Indicators.Count}: "
                + string.Join(" / ", form.Indicators.Select(r => r.Name)));
        for (var i = 0; i < Math.Min(indicators.Count, form.Indicators.Count); i++)
        {
            var expected = indicators[i];
            var read = form.Indicators[i];
            var where = $"indicator {i + 1} ({expected.Name})";
            Fact(where + " level1", expected.Level1, Same(read.Level1), FormBlock.Indicators, read.Source, CellRole.Level1);
            Fact(where + " level2", expected.Level2, Same(read.Level2), FormBlock.Indicators, read.Source, CellRole.Level2);
            Fact(where + " name", expected.Name, Same(read.Name), FormBlock.Indicators, read.Source, CellRole.Name);
            Fact(where + " target", Same(expected.Target), Same(read.Target), FormBlock.Indicators, read.Source, CellRole.Target);
            Fact(where + " actual", Same(expected.ActualText), Same(read.Actual), FormBlock.Indicators, read.Source, CellRole.Actual);
            Fact(where + " weight", expected.Weight, read.Weight, FormBlock.Indicators, read.Source, CellRole.Weight);
            Fact(where + " score", expected.Score, read.StatedScore, FormBlock.Indicators, read.Source, CellRole.Score);
        }
        Fact("stated total", clean.Total, form.StatedTotal, FormBlock.Total, role: CellRole.StatedTotal);

        var errors = Checker.Check(form, Rulebooks.NationalFor(clean.Year))
            .Where(f => f.Severity == Severity.Error)
            .Select(f => $"{f.Code} {f.Location}: {f.Message}")
            .ToList();
        return new(misread, doubted, errors);
    }

    /// <summary>
    /// The same fact however it is printed: full-width forms folded (NFKC), the comparators a province prints with
    /// other code points (≧ ≦ ═) taken as the ones they stand for, spaces dropped.
    /// </summary>
    public static string? Same(string? text)
    {
        if (text is null) return null;
        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            switch (c)
            {
                case ' ' or '\u3000': break;
                case '≧': builder.Append('≥'); break;
                case '≦': builder.Append('≤'); break;
                case '═': builder.Append('='); break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
