using CsvHelper;
using Jixiao.Core.Forms;

namespace Jixiao.Documents.Writers.OpenData;

/// <summary>
/// Writes published forms as three CSV files (RFC 4180, UTF-8 with a byte-order mark so Excel shows the Chinese,
/// CRLF line ends, text that a spreadsheet would run as a formula escaped: <see cref="SpreadsheetText"/>):
/// forms.csv, indicators.csv and findings.csv, joined by form_id. Columns: docs/open-data.md.
/// </summary>
public static class OpenDataCsv
{
    public const string FormsFile = "forms.csv", IndicatorsFile = "indicators.csv", FindingsFile = "findings.csv";

    public static readonly string[] FormColumns =
    [
        "form_id", "kind", "year", "title", "department_id", "department", "unit_id", "unit", "project_id", "project",
        "money_unit", "initial_budget", "budget", "executed", "stated_execution_rate", "stated_weight_total",
        "stated_total", "stated_grade", "indicator_count", "finding_count", "incomplete",
    ];

    public static readonly string[] IndicatorColumns =
    [
        "form_id", "indicator_id", "year", "unit_id", "project_id", "position", "level1", "level1_weight", "level2",
        "level2_weight", "name", "content", "target", "actual", "weight", "stated_score", "explanation", "improvement",
    ];

    public static readonly string[] FindingColumns =
    [
        "form_id", "code", "severity", "message", "message_en", "block", "row", "field", "row_label", "stated",
        "expected", "explanation",
    ];

    /// <summary>Writes the three files into <paramref name="directory"/>.</summary>
    public static void WriteAll(IReadOnlyList<PublishedForm> forms, string directory)
    {
        Directory.CreateDirectory(directory);
        using (var stream = File.Create(Path.Combine(directory, FormsFile))) WriteForms(forms, stream);
        using (var stream = File.Create(Path.Combine(directory, IndicatorsFile))) WriteIndicators(forms, stream);
        using (var stream = File.Create(Path.Combine(directory, FindingsFile))) WriteFindings(forms, stream);
    }

    public static void WriteForms(IEnumerable<PublishedForm> forms, Stream output)
    {
        using var csv = Writer(output, FormColumns);
        foreach (var published in forms)
        {
            var form = published.Form;
            var total = form.Funds.FirstOrDefault(r => r.Role == FundsRowRole.Total);
            var sources = form.Funds.Where(r => r.Role == FundsRowRole.Source).ToList();
            decimal? Sum(Func<FundsRow, decimal?> field) =>
                total is not null ? field(total) : sources.Count > 0 && sources.All(r => field(r) is not null) ? sources.Sum(r => field(r)!.Value) : null;
            Row(csv,
            [
                StableIds.Form(form), form.Kind.Code(), form.Year, form.Title,
                StableIds.Organisation(form.Department), form.Department, StableIds.Organisation(form.Unit), form.Unit,
                StableIds.Project(form.Unit, form.Project), form.Project, form.MoneyUnit?.Code(),
                Sum(r => r.InitialBudget), Sum(r => r.Budget), Sum(r => r.Executed),
                OpenDataJson.Points(total?.StatedRate), form.StatedWeightTotal, form.StatedTotal, form.StatedGrade,
                form.Indicators.Count, published.Findings.Count, form.Incomplete ? "true" : "false",
            ]);
        }
    }

    public static void WriteIndicators(IEnumerable<PublishedForm> forms, Stream output)
    {
        using var csv = Writer(output, IndicatorColumns);
        foreach (var published in forms)
        {
            var form = published.Form;
            var formId = StableIds.Form(form);
            var ids = StableIds.Indicators(form);
            for (var i = 0; i < form.Indicators.Count; i++)
            {
                var row = form.Indicators[i];
                Row(csv,
                [
                    formId, ids[i], form.Year, StableIds.Organisation(form.Unit), StableIds.Project(form.Unit, form.Project),
                    i + 1, row.Level1, row.Level1Weight, row.Level2, row.Level2Weight, row.Name, row.Content,
                    row.Target, row.Actual, row.Weight, row.StatedScore, row.Explanation, row.Improvement,
                ]);
            }
        }
    }

    public static void WriteFindings(IEnumerable<PublishedForm> forms, Stream output)
    {
        using var csv = Writer(output, FindingColumns);
        foreach (var published in forms)
        {
            var formId = StableIds.Form(published.Form);
            foreach (var finding in published.Findings)
                Row(csv,
                [
                    formId, finding.Code, OpenDataJson.SeverityCode(finding.Severity), finding.Message, finding.MessageEn,
                    finding.Location.Block, finding.Location.Row, finding.Location.Field, finding.Location.RowLabel,
                    finding.Stated, finding.Expected, finding.Explanation,
                ]);
        }
    }

    private static CsvWriter Writer(Stream output, string[] header)
    {
        var csv = SpreadsheetText.Csv(output);
        csv.WriteRecord(header);
        return csv;
    }

    /// <summary>One record; numbers are written as numbers (never escaped), everything else as text.</summary>
    internal static void Row(CsvWriter csv, IReadOnlyList<object?> fields)
    {
        foreach (var field in fields)
        {
            switch (field)
            {
                case decimal d: csv.Field(d); break;
                case int i: csv.Field(i); break;
                default: csv.Field((string?)field); break;
            }
        }
        csv.EndRecord();
    }
}
