using System.Globalization;
using Jixiao.Core.Forms;
using Jixiao.Core.Templates;

namespace Jixiao.Documents.Writers.Layout;

/// <summary>
/// Lays out a form as the official table of its template (docs/templates.md): the template's blocks in order — header
/// fields, the funds block with its money unit, the 年度总体目标 pair, the indicator tree with 一级/二级 cells spanning their
/// rows, the total row, the grade and the footer — with the template's headers and print widths. A form that names no
/// template is printed with the one that fits the columns it has values in. The writers (xlsx, docx, html) only render
/// what this produces, so all formats agree. Figures are printed as stated; nothing is computed here.
/// </summary>
public static class FormLayouts
{
    private sealed record Column(string Header, double Width, Action<GridBuilder, int, IndicatorRow> Write, string? Group = null, string? Role = null);

    private sealed record FundsColumn(string Header, double MinWidth, Action<GridBuilder, int, int, FundsRow> Write);

    public static TableLayout Build(PerformanceForm form) => Build(form, TemplateRegistry.Current);

    public static TableLayout Build(PerformanceForm form, TemplateRegistry registry)
    {
        if (form.Kind == FormKind.Report) return Report(form);
        var template = TemplateFit.For(form, registry)
            ?? throw new InvalidOperationException("no template for form kind " + form.Kind.Code());
        return form.Kind == FormKind.DepartmentBasicData ? BasicData(form, template, registry.Lexicon) : Table(form, template, registry.Lexicon);
    }

    /// <summary>The printed title: the form's own, else "2020年项目支出绩效自评表".</summary>
    public static string Title(PerformanceForm form)
    {
        if (!string.IsNullOrWhiteSpace(form.Title)) return form.Title.Trim();
        return (form.Year is { } year ? year.ToString(CultureInfo.InvariantCulture) + "年" : "") + form.Kind.ChineseName();
    }

    private static string? Subtitle(PerformanceForm form)
    {
        if (form.Year is not { } year) return null;
        var text = year.ToString(CultureInfo.InvariantCulture);
        return Title(form).Contains(text, StringComparison.Ordinal) ? null : $"（{text}年度）";
    }

    private static string UnitSuffix(MoneyUnit? unit) => unit is { } u ? $"（{u.Symbol()}）" : "";

    /// <summary>The header a column prints: the template's own, else the role's, with the months and years of the form filled in.</summary>
    private static string Header(TemplateColumn column, string block, RoleLexicon lexicon, PerformanceForm form)
    {
        var text = column.Header ?? lexicon.Role(block, column.Role)?.Header ?? column.Role;
        if (!text.Contains('{')) return text;
        var months = form.MonitoringMonths is { } m ? $"1-{m.ToString(CultureInfo.InvariantCulture)}月" : "1-N月";
        var year = form.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) + "年" : lexicon.ThisYear;
        var prior = form.Year is { } p ? (p - 1).ToString(CultureInfo.InvariantCulture) + "年" : lexicon.PriorYear;
        return text.Replace("{months}", months, StringComparison.Ordinal).Replace("{year}", year, StringComparison.Ordinal)
            .Replace("{prior}", prior, StringComparison.Ordinal);
    }

    private static string? FieldValue(PerformanceForm form, ColumnRole? role, string id) => role?.Property switch
    {
        nameof(PerformanceForm.Project) => form.Project,
        nameof(PerformanceForm.Department) => form.Department,
        nameof(PerformanceForm.Unit) => form.Unit,
        nameof(PerformanceForm.Filler) => form.Filler,
        nameof(PerformanceForm.Head) => form.Head,
        nameof(PerformanceForm.MoneyUnit) => form.MoneyUnit?.Symbol(),
        _ => form.Extra.GetValueOrDefault(id),
    };

    private static IReadOnlyList<string> Footer(PerformanceForm form, FormTemplate template, RoleLexicon lexicon)
    {
        if (template.Block("footer") is not { } footer) return [];
        var fields = footer.Columns.Select(c => $"{Header(c, "header", lexicon, form)}：{FieldValue(form, lexicon.Role("header", c.Role), c.Role)}");
        var lines = new List<string>();
        if (footer.Columns.Count > 0) lines.Add(string.Join("　　　　", fields));
        lines.AddRange(footer.Lines);
        return lines;
    }

    // ---- tables with header fields, funds, goals and indicators ------------------------------------------------------

    private static TableLayout Table(PerformanceForm form, FormTemplate template, RoleLexicon lexicon)
    {
        var indicatorBlock = template.Block("indicators");
        var printed = indicatorBlock is null ? [] : PrintedIndicatorColumns(form, indicatorBlock, template, lexicon);
        var n = Math.Max(template.Print.MinColumns, printed.Count);
        var widths = printed.Select(c => c.Width).ToList();
        while (widths.Count < n) widths.Add(template.Print.PadWidth);
        var g = new GridBuilder(widths);

        foreach (var block in template.Blocks)
        {
            switch (block.Type)
            {
                case "header":
                    HeaderFields(g, form, block, lexicon);
                    break;
                case "funds" when form.Funds.Count > 0:
                    Funds(g, (block.Label ?? "") + UnitSuffix(form.MoneyUnit), PrintedFundsColumns(form, block, lexicon), form.Funds);
                    break;
                case "goals" when block.Planned is not null && block.Actual is not null:
                    Goals(g, form, block.Label ?? "", block.Planned, block.Actual);
                    break;
                case "goals" when !string.IsNullOrWhiteSpace(form.PlannedGoal):
                    Pair(g, block.Label ?? "", form.PlannedGoal);
                    break;
                case "functions" when !string.IsNullOrWhiteSpace(form.Functions):
                    Pair(g, block.Label ?? "", form.Functions);
                    break;
                case "indicators":
                    Indicators(g, form, block, template, printed, n);
                    break;
                case "grade" when !string.IsNullOrWhiteSpace(form.StatedGrade):
                    Pair(g, block.Label ?? "", form.StatedGrade);
                    break;
            }
        }

        return new TableLayout
        {
            Title = Title(form), Subtitle = Subtitle(form), ColumnWidths = widths, Cells = g.Cells, Footer = Footer(form, template, lexicon),
        };
    }

    /// <summary>Header fields by line: a field alone on its line is a label/value pair across the table, two share a row.</summary>
    private static void HeaderFields(GridBuilder g, PerformanceForm form, TemplateBlock block, RoleLexicon lexicon)
    {
        var printedValues = new List<string>();
        var line = 0;
        foreach (var group in block.Columns.GroupBy(c => c.Line == 0 ? --line : c.Line))
        {
            var fields = group.Select(c => (Column: c, Label: Header(c, "header", lexicon, form), Value: FieldValue(form, lexicon.Role("header", c.Role), c.Role)))
                .Where(f => !f.Column.Optional || (!string.IsNullOrWhiteSpace(f.Value) && !printedValues.Contains(f.Value)))
                .ToList();
            if (fields.Count == 1) Pair(g, fields[0].Label, fields[0].Value);
            else if (fields.Count >= 2) TwoPairs(g, fields[0].Label, fields[0].Value, fields[1].Label, fields[1].Value);
            printedValues.AddRange(fields.Select(f => f.Value ?? ""));
        }
    }

    private static List<FundsColumn> PrintedFundsColumns(PerformanceForm form, TemplateBlock block, RoleLexicon lexicon)
    {
        var hasBudgetColumn = block.Columns.Any(c => c.Role is "budget" or "adjustedBudget");
        bool HasValue(TemplateColumn c) => form.Funds.Any(r => FundsValue(r, lexicon.Role("funds", c.Role), c.Role, hasBudgetColumn) is not null);
        var columns = new List<FundsColumn>();
        foreach (var c in block.Columns)
        {
            if (c.Optional && !(c.Group is null ? HasValue(c) : block.Columns.Where(x => x.Group == c.Group).Any(HasValue))) continue;
            var role = lexicon.Role("funds", c.Role);
            var header = Header(c, "funds", lexicon, form);
            columns.Add(role?.Type switch
            {
                RoleType.Amount => new FundsColumn(header, form.MoneyUnit == MoneyUnit.Yuan ? 13 : 9,
                    (g, col, span, r) => g.Money(col, FundsValue(r, role, c.Role, hasBudgetColumn) as decimal?, form.MoneyUnit, span)),
                RoleType.Percentage => new FundsColumn(header, 8, (g, col, span, r) => g.Percent(col, r.StatedRate, span)),
                RoleType.Weight or RoleType.Score => new FundsColumn(header, 6,
                    (g, col, span, r) => g.Score(col, FundsValue(r, role, c.Role, hasBudgetColumn) as decimal?, span)),
                _ => new FundsColumn(header, 8, (g, col, span, r) => g.Add(col, r.Extra.GetValueOrDefault(c.Role), CellStyle.Text, 1, span)),
            });
        }
        return columns;
    }

    /// <summary>A funds cell by its role's property; a layout without a 全年预算数 column prints the budget under 年初预算数 when that is all there is.</summary>
    private static object? FundsValue(FundsRow r, ColumnRole? role, string id, bool hasBudgetColumn) => role?.Property switch
    {
        nameof(FundsRow.InitialBudget) => r.InitialBudget ?? (hasBudgetColumn ? null : r.Budget),
        nameof(FundsRow.Budget) when id != "budget" && r.Extra.ContainsKey(id) => null,
        nameof(FundsRow.Budget) => r.Budget,
        nameof(FundsRow.Executed) => r.Executed,
        nameof(FundsRow.Transfer) => r.Transfer,
        nameof(FundsRow.ForecastExecuted) => r.ForecastExecuted,
        nameof(FundsRow.Weight) => r.Weight,
        nameof(FundsRow.StatedScore) => r.StatedScore,
        nameof(FundsRow.StatedRate) => r.StatedRate,
        _ => r.Extra.GetValueOrDefault(id),
    };

    private static readonly string[] TreeRoles = ["label", "level1", "level1Weight", "level2"];

    /// <summary>The indicator block's columns that print for this form: optional ones only when a row (or the total) has a value.</summary>
    private static List<Column> PrintedIndicatorColumns(PerformanceForm form, TemplateBlock block, FormTemplate template, RoleLexicon lexicon)
    {
        var columns = new List<Column>();
        foreach (var c in block.Columns)
        {
            var role = lexicon.Role("indicators", c.Role);
            if (c.Optional && !form.Indicators.Any(r => IndicatorText(r, role, c.Role, lexicon) is { Length: > 0 } || IndicatorNumber(r, role) is not null)
                && !(role?.Property == nameof(IndicatorRow.Weight) && form.StatedWeightTotal is not null))
                continue;
            var header = Header(c, "indicators", lexicon, form);
            var width = template.Width(c.Role, template.Print.PadWidth);
            Action<GridBuilder, int, IndicatorRow> write = role?.Type switch
            {
                RoleType.Weight or RoleType.Score when role.Property is not null => (g, col, r) => g.Score(col, IndicatorNumber(r, role)),
                RoleType.Tick => (g, col, r) => g.Add(col, IndicatorText(r, role, c.Role, lexicon), CellStyle.Center),
                _ => (g, col, r) => g.Add(col, IndicatorText(r, role, c.Role, lexicon), Centered(role) ? CellStyle.Center : CellStyle.Text),
            };
            columns.Add(new Column(header, width, write, c.Group, c.Role));
        }
        return columns;
    }

    private static bool Centered(ColumnRole? role) => role?.Property is nameof(IndicatorRow.Target) or nameof(IndicatorRow.Actual)
        or nameof(IndicatorRow.MidYearProgress) or nameof(IndicatorRow.ExpectedCompletion);

    private static decimal? IndicatorNumber(IndicatorRow r, ColumnRole? role) => role?.Property switch
    {
        nameof(IndicatorRow.Weight) => r.Weight,
        nameof(IndicatorRow.StatedScore) => r.StatedScore,
        _ => null,
    };

    private static readonly Dictionary<string, DeviationCauses> CauseRoles = new(StringComparer.Ordinal)
    {
        ["causeFunding"] = DeviationCauses.Funding, ["causeRules"] = DeviationCauses.Rules, ["causeStaff"] = DeviationCauses.Staff,
        ["causeHardware"] = DeviationCauses.Hardware, ["causeOther"] = DeviationCauses.Other,
    };

    private static readonly Dictionary<string, CompletionLikelihood> LikelihoodRoles = new(StringComparer.Ordinal)
    {
        ["likelyCertain"] = CompletionLikelihood.Certain, ["likelyPossible"] = CompletionLikelihood.Possible, ["likelyImpossible"] = CompletionLikelihood.Impossible,
    };

    private static string? IndicatorText(IndicatorRow r, ColumnRole? role, string id, RoleLexicon lexicon)
    {
        if (CauseRoles.TryGetValue(id, out var cause)) return r.Causes.HasFlag(cause) ? lexicon.TickMark : "";
        if (LikelihoodRoles.TryGetValue(id, out var likely)) return r.Likelihood == likely ? lexicon.TickMark : "";
        return role?.Property switch
        {
            nameof(IndicatorRow.Name) => r.Name,
            nameof(IndicatorRow.Content) => r.Content,
            nameof(IndicatorRow.Target) => r.Target,
            nameof(IndicatorRow.Actual) => r.Actual,
            nameof(IndicatorRow.Explanation) => r.Explanation,
            nameof(IndicatorRow.Improvement) => r.Improvement,
            nameof(IndicatorRow.MidYearProgress) => r.MidYearProgress,
            nameof(IndicatorRow.ExpectedCompletion) => r.ExpectedCompletion,
            nameof(IndicatorRow.Remark) => r.Remark,
            nameof(IndicatorRow.Weight) or nameof(IndicatorRow.StatedScore) => null,
            _ => r.Extra.GetValueOrDefault(id),
        };
    }

    /// <summary>
    /// The indicator block: its header (one row, or two where columns are grouped under a spanning header), the tree
    /// with 一级 and 二级 spanning their rows, and the total row. The block's label is a column spanning the block where the
    /// template lists one, else a banner row above it.
    /// </summary>
    private static void Indicators(GridBuilder g, PerformanceForm form, TemplateBlock block, FormTemplate template, List<Column> printed, int n)
    {
        var hasScore = printed.Any(c => c.Role is not null && IsScoreColumn(c));
        var total = template.Block("total");
        if (form.Indicators.Count == 0 && !(total is not null && hasScore && form.StatedTotal is not null)) return;
        var hasLabel = printed.Count > 0 && printed[0].Role == "label";
        var grouped = printed.Any(c => c.Group is not null);
        var headerRows = grouped ? 2 : 1;
        if (!hasLabel && block.Label is not null) g.Banner(block.Label);

        var first = hasLabel ? 1 : 0;
        var treeEnd = first;
        while (treeEnd < printed.Count && TreeRoles.Contains(printed[treeEnd].Role)) treeEnd++;
        var details = printed.Skip(treeEnd).ToList();
        if (hasLabel) g.Add(0, block.Label ?? "", CellStyle.Header, form.Indicators.Count + headerRows);
        for (var c = first; c < printed.Count; c++)
        {
            var column = printed[c];
            if (column.Group is null)
            {
                var last = c == printed.Count - 1 && !grouped;
                g.Add(c, column.Header, CellStyle.Header, headerRows, last ? n - c : 1);
            }
            else if (c == 0 || printed[c - 1].Group != column.Group)
            {
                var span = 1;
                while (c + span < printed.Count && printed[c + span].Group == column.Group) span++;
                g.Add(c, column.Group, CellStyle.Header, 1, span);
            }
        }
        g.NextRow();
        if (grouped)
        {
            for (var c = first; c < printed.Count; c++)
                if (printed[c].Group is not null) g.Add(c, printed[c].Header, CellStyle.Header);
            g.NextRow();
        }

        var hasLevel1Weight = printed.Any(c => c.Role == "level1Weight");
        IndicatorTree(g, first, form.Indicators, hasLevel1Weight, details, n);
        if (total is not null) TotalRow(g, form, total.Label ?? "", printed, n);
    }

    private static bool IsScoreColumn(Column c) => c.Role == "score";

    private static void TotalRow(GridBuilder g, PerformanceForm form, string label, List<Column> printed, int n)
    {
        var weight = printed.FindIndex(c => c.Role == "weight");
        var score = printed.FindIndex(c => c.Role == "score");
        if (score < 0)
        {
            if (weight < 0 || form.StatedWeightTotal is null) return;
            g.Add(0, label, CellStyle.Header, 1, weight);
            g.Score(weight, form.StatedWeightTotal, n - weight);
            g.NextRow();
            return;
        }
        if (form.StatedTotal is null && form.StatedWeightTotal is null) return;
        var weightColumn = weight >= 0 ? weight : score - 1;
        g.Add(0, label, CellStyle.Header, 1, weightColumn);
        g.Score(weightColumn, form.StatedWeightTotal);
        g.Score(weightColumn + 1, form.StatedTotal);
        if (weightColumn + 2 < n) g.Add(weightColumn + 2, "", CellStyle.Text, 1, n - weightColumn - 2);
        g.NextRow();
    }

    // ---- basic data table (§2.3) --------------------------------------------------------------------------------------

    private static TableLayout BasicData(PerformanceForm form, FormTemplate template, RoleLexicon lexicon)
    {
        var staffing = template.Block("staffing");
        var basic = template.Block("basicData");
        var valueColumns = Math.Max(staffing?.Columns.Count ?? 0, basic?.Columns.Count ?? 0);
        var widths = new List<double> { template.Print.LabelWidth };
        for (var i = 0; i < valueColumns; i++)
            widths.Add(template.Width(basic?.Columns.ElementAtOrDefault(i)?.Role ?? staffing?.Columns.ElementAtOrDefault(i)?.Role ?? "", template.Print.PadWidth));
        var g = new GridBuilder(widths);

        if (form.Staffing is { } staff && staffing is not null)
        {
            g.Add(0, staffing.Label, CellStyle.Header);
            for (var i = 0; i < staffing.Columns.Count; i++) g.Add(1 + i, Header(staffing.Columns[i], "basicData", lexicon, form), CellStyle.Header);
            g.NextRow();
            g.Add(0, "", CellStyle.Label);
            for (var i = 0; i < staffing.Columns.Count; i++)
            {
                switch (staffing.Columns[i].Role)
                {
                    case "staffAuthorized": g.Add(1 + i, Count(staff.Authorized), CellStyle.Center); break;
                    case "staffActual": g.Add(1 + i, Count(staff.Actual), CellStyle.Center); break;
                    case "staffRate": g.Percent(1 + i, staff.StatedControlRate); break;
                    default: g.Add(1 + i, "", CellStyle.Center); break;
                }
            }
            g.NextRow();
        }

        if (basic is not null)
        {
            g.Add(0, basic.Label, CellStyle.Header);
            for (var i = 0; i < basic.Columns.Count; i++) g.Add(1 + i, Header(basic.Columns[i], "basicData", lexicon, form), CellStyle.Header);
            g.NextRow();
            foreach (var row in form.BasicData)
            {
                var label = new string('　', Math.Max(0, row.Depth) * 2) + row.Label;
                g.Add(0, label, row.Depth == 0 ? CellStyle.Label : CellStyle.Text);
                if (row.Text is not null && row.PriorYearFinal is null && row.Budget is null && row.Final is null)
                    g.Add(1, row.Text, CellStyle.Text, 1, basic.Columns.Count);
                else
                {
                    for (var i = 0; i < basic.Columns.Count; i++)
                    {
                        var value = basic.Columns[i].Role switch
                        {
                            "priorYearFinal" => row.PriorYearFinal,
                            "basicBudget" => row.Budget,
                            "final" => row.Final,
                            _ => null,
                        };
                        g.Money(1 + i, value, form.MoneyUnit);
                    }
                }
                g.NextRow();
            }
        }

        var preamble = new List<string>();
        if (template.Block("header") is { } header)
        {
            foreach (var c in header.Columns)
            {
                var value = FieldValue(form, lexicon.Role("header", c.Role), c.Role);
                if (c.Role == "moneyUnit" && value is null) continue;
                preamble.Add($"{Header(c, "header", lexicon, form)}：{value}");
            }
        }

        return new TableLayout
        {
            Title = Title(form),
            Subtitle = Subtitle(form),
            Preamble = preamble,
            ColumnWidths = widths,
            Cells = g.Cells,
            Footer = Footer(form, template, lexicon),
        };
    }

    private static string Count(decimal? value) =>
        value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "";

    private static TableLayout Report(PerformanceForm form) => new()
    {
        Title = Title(form),
        Subtitle = Subtitle(form),
        ColumnWidths = [],
        Cells = [],
        Paragraphs = (form.Text ?? "").Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList(),
    };

    // ---- shared blocks ---------------------------------------------------------------------------------------------

    private static void Pair(GridBuilder g, string label, string? value)
    {
        g.Add(0, label, CellStyle.Header);
        g.Add(1, value, CellStyle.Text, 1, g.Columns - 1);
        g.NextRow();
    }

    private static void TwoPairs(GridBuilder g, string label1, string? value1, string label2, string? value2)
    {
        var first = (g.Columns - 2) / 2;
        g.Add(0, label1, CellStyle.Header);
        g.Add(1, value1, CellStyle.Text, 1, first);
        g.Add(1 + first, label2, CellStyle.Header);
        g.Add(2 + first, value2, CellStyle.Text, 1, g.Columns - 2 - first);
        g.NextRow();
    }

    private static void Funds(GridBuilder g, string head, IReadOnlyList<FundsColumn> columns, IReadOnlyList<FundsRow> rows)
    {
        // From the right, each figure column takes as many grid columns as it needs to print its widest value on one
        // line; the row labels take the rest (at least one column).
        var spans = new int[columns.Count];
        var right = g.Columns;
        for (var i = columns.Count - 1; i >= 0; i--)
        {
            var leftmost = 1 + 1 + i;
            var start = right - 1;
            var width = g.Widths[start];
            while (width < columns[i].MinWidth && start - 1 >= leftmost) width += g.Widths[--start];
            spans[i] = right - start;
            right = start;
        }
        var labelSpan = right - 1;
        g.Add(0, head, CellStyle.Header, rows.Count + 1);
        g.Add(1, "", CellStyle.Header, 1, labelSpan);
        var column = 1 + labelSpan;
        for (var i = 0; i < columns.Count; i++) { g.Add(column, columns[i].Header, CellStyle.Header, 1, spans[i]); column += spans[i]; }
        g.NextRow();
        foreach (var row in rows)
        {
            g.Add(1, row.Label, row.Role == FundsRowRole.Total ? CellStyle.Label : CellStyle.Text, 1, labelSpan);
            column = 1 + labelSpan;
            for (var i = 0; i < columns.Count; i++) { columns[i].Write(g, column, spans[i], row); column += spans[i]; }
            g.NextRow();
        }
    }

    private static void Goals(GridBuilder g, PerformanceForm form, string label, string planned, string actual)
    {
        if (string.IsNullOrWhiteSpace(form.PlannedGoal) && string.IsNullOrWhiteSpace(form.ActualGoal)) return;
        var spans = GridBuilder.Split(g.Columns - 1, 2);
        g.Add(0, label, CellStyle.Header, 2);
        g.Add(1, planned, CellStyle.Header, 1, spans[0]);
        g.Add(1 + spans[0], actual, CellStyle.Header, 1, spans[1]);
        g.NextRow();
        g.Add(1, form.PlannedGoal, CellStyle.Text, 1, spans[0]);
        g.Add(1 + spans[0], form.ActualGoal, CellStyle.Text, 1, spans[1]);
        g.NextRow();
    }

    /// <summary>
    /// The indicator rows with the 一级 cell (and its 权重 cell) spanning its run of rows and the 二级 cell spanning its
    /// run inside it, as the official tables print them. The last detail column takes what is left of the width.
    /// </summary>
    private static void IndicatorTree(GridBuilder g, int firstColumn, IReadOnlyList<IndicatorRow> rows, bool weightColumn, IReadOnlyList<Column> details, int n)
    {
        var start = g.Row;
        var level2Column = firstColumn + (weightColumn ? 2 : 1);
        var i = 0;
        while (i < rows.Count)
        {
            var end = RunEnd(rows, i, (a, b) => a.Level1 is not null && a.Level1 == b.Level1 && a.Level1Weight == b.Level1Weight);
            var level1 = rows[i].Level1 + (!weightColumn && rows[i].Level1Weight is { } w1 ? $"（{Printing.Plain(w1)}分）" : "");
            g.AddAt(start + i, firstColumn, level1, CellStyle.Label, end - i + 1);
            if (weightColumn)
                g.AddAt(start + i, firstColumn + 1, rows[i].Level1Weight is { } w ? Printing.Plain(w) : "", CellStyle.Label, end - i + 1);

            var j = i;
            while (j <= end)
            {
                var end2 = Math.Min(end, RunEnd(rows, j, (a, b) => a.Level2 is not null && a.Level2 == b.Level2 && a.Level2Weight == b.Level2Weight));
                var level2 = rows[j].Level2 + (rows[j].Level2Weight is { } w2 ? $"（{Printing.Plain(w2)}）" : "");
                g.AddAt(start + j, level2Column, level2, CellStyle.Label, end2 - j + 1);
                j = end2 + 1;
            }
            i = end + 1;
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var column = level2Column + 1;
            for (var d = 0; d < details.Count; d++)
            {
                var last = d == details.Count - 1 && column < n - 1;
                if (last)
                {
                    var before = g.Cells.Count;
                    details[d].Write(g, column, rows[r]);
                    Widen(g, before, n - column);
                }
                else details[d].Write(g, column, rows[r]);
                column++;
            }
            g.NextRow();
        }
    }

    private static void Widen(GridBuilder g, int index, int span)
    {
        var cells = (List<LayoutCell>)g.Cells;
        cells[index] = cells[index] with { ColumnSpan = span };
    }

    private static int RunEnd(IReadOnlyList<IndicatorRow> rows, int start, Func<IndicatorRow, IndicatorRow, bool> same)
    {
        var end = start;
        while (end + 1 < rows.Count && same(rows[start], rows[end + 1])) end++;
        return end;
    }
}
