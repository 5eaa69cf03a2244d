using System.Text.RegularExpressions;
using Jixiao.Core.Checks.Indicators;
using Jixiao.Core.Forms;
using Jixiao.Core.Templates;

namespace Jixiao.Documents.Recognition;

/// <summary>Reads the rows of one table form (everything but a report) into a <see cref="PerformanceForm"/>.</summary>
internal sealed partial class FormBuilder
{
    private enum Section { Header, Funds, GoalValues, Indicators, StaffingValues, Basic, End }

    private Section _section = Section.Header;

    private readonly Vocabulary _words;

    /// <summary>The roles the form's headers named (block, role id): what the template is chosen by.</summary>
    private readonly HashSet<(string Block, string Role)> _seenRoles = [];

    private FundsColumn[]? _funds;
    private ColumnRole?[] _fundsRoles = [];
    private decimal? _fundsBlockWeight;
    private int _fundsFirstValueColumn;
    private FundsRowRole _fundsDefaultGroup = FundsRowRole.Part;
    private FundsRowRole _fundsGroup = FundsRowRole.Part;

    private int _goalPlannedColumn = -1;
    private int _goalActualColumn = -1;

    private IndicatorLayout? _layout;
    private bool _subHeaderPossible;
    private bool _sawTotal;
    private string? _level1;
    private decimal? _level1Weight;
    private string? _level2;
    private decimal? _level2Weight;
    private int _previousShift;

    /// <summary>A header field printed alone on its line ("项目名称:"), waiting for its value on the next line.</summary>
    private ColumnRole? _pendingField;

    private int _staffAuthorized = -1, _staffActual = -1, _staffRate = -1;
    private int _basicPrior = -1, _basicBudget = -1, _basicFinal = -1;
    private int _basicDepthOfParent;
    private int? _basicSubDepth;
    private bool _basicSubIndented;

    public FormBuilder(Vocabulary words, FormKind kind, string? title, string? titleRest, SourcePosition? source)
    {
        _words = words;
        Form = new PerformanceForm { Kind = kind, Title = title, Source = source };
        Form.Year = Vocabulary.Year(title) ?? Vocabulary.Year(titleRest);
    }

    public PerformanceForm Form { get; }

    private void Doubt(ReadingDoubt doubt) => Form.ReadingDoubts.Add(doubt);

    private static ReadingDoubt CutOff(FormBlock block, string? after = null) =>
        new() { Reason = DoubtReason.CutOff, Block = block, RowLabel = after };

    /// <summary>Every reading note goes through here, so that turning notes into typed doubts changes one place.</summary>

    public static FormKind? UntitledKind(Vocabulary words, SourceRow row, FormKind? currentKind)
    {
        foreach (var key in row.Keys)
        {
            if (words.FieldOf(key)?.Opens is not { } opens) continue;
            if (opens == FormKind.ProjectSelfEvaluation)
                return currentKind is FormKind.Monitoring or FormKind.Targets or FormKind.ProjectSelfEvaluation ? currentKind : FormKind.ProjectSelfEvaluation;
            return opens;
        }
        // Outside any form, a numbered section of a scoring sheet with its points ("一、立项必要性(20分)") opens that sheet
        // when a conversion scrambled its header (corpus 08).
        if (currentKind is null && row.NonEmptyCount == 1 && words.ScoringSection(row.Text[row.FirstNonEmpty]) is { } section)
            return section.Kind;
        // Outside any form, an indicator header alone can announce a kind whose tables are published untitled (rubrics).
        if (currentKind is null && IndicatorLayout.TryHeader(words, row) is { } layout)
            return words.Registry.UntitledKind(layout.RoleIds.ToList());
        return null;
    }

    /// <summary>Untitled, and nothing read but header fields: no funds, goal, indicator header or rows yet.</summary>
    public bool HoldsOnlyHeaderFields =>
        Form.Title is null && _layout is null && Form.Funds.Count == 0 && Form.Indicators.Count == 0 && Form.BasicData.Count == 0
        && Form.Staffing is null && Form.PlannedGoal is null && Form.ActualGoal is null;

    /// <summary>A second 项目名称 after this form already has its project and content: the next form began without a title.</summary>
    public bool StartsAnotherForm(SourceRow row)
    {
        if (Form.Project is null || (Form.Funds.Count == 0 && Form.Indicators.Count == 0)) return false;
        foreach (var key in row.Keys)
            if (_words.FieldOf(key)?.Opens == FormKind.ProjectSelfEvaluation) return true;
        return false;
    }

    public void Add(SourceRow row)
    {
        var first = row.FirstNonEmpty;
        var firstKey = row.Keys[first];
        if (_pendingField is { } pending)
        {
            _pendingField = null;
            if (row.NonEmptyCount == 1 && _words.FieldOf(firstKey) is null && !_words.InlineFields(row.Text[first]).Any())
            {
                Set(pending, row.Text[first]);
                return;
            }
        }
        if (row.NonEmptyCount == 1 && Vocabulary.YearLine(firstKey) is { } year)
        {
            Form.Year ??= year;
            return;
        }
        if (row.NonEmptyCount == 1 && _words.IsPageMark(firstKey)) return;
        if (TryHeadScoreTotal(row) || TrySourcesAcrossRow(row)) return;
        if (TryHeadTotal(row)) return;
        if (TryExecutionPairs(row)) return;
        if (_words.IsNote(firstKey))
        {
            if (_section is Section.Indicators or Section.Basic) _section = Section.End;
            return;
        }
        if (_layout is null && Form.Kind.IsScoringSheet() && TryAssessmentLine(row)) return;
        if (TryGradeRow(row, first)) return;
        if (TryInlineFields(row)) return;

        if (_section == Section.Indicators)
        {
            // A row the excerpt stops in (TokenStream): the table is cut there, and no sum over it can be taken.
            if (row.UncertainReason == DoubtReason.CutOff && row.Uncertain is { Count: > 0 })
            {
                Form.Incomplete = true;
                Doubt(CutOff(FormBlock.Indicators, row.Text.FirstOrDefault(t => t.Length > 0 && !TextNorm.IsAmount(t))));
            }
            else if (row.Uncertain is { Count: > 0 } uncertain)
                Doubt(new ReadingDoubt
                {
                    Reason = row.UncertainReason, Block = FormBlock.Indicators, Row = row.Source, Cells = [.. uncertain], Assumed = row.UncertainAssumed,
                    RowLabel = row.Text.FirstOrDefault(t => t.Length > 0 && _words.Classify(TextNorm.Key(t)) == TreeWord.Text),
                    Text = string.Join(" ", row.Text.Where(t => t.Length > 0)),
                });
            if (_subHeaderPossible)
            {
                _subHeaderPossible = false;
                if (_layout!.TryMergeSubHeader(_words, row)) return;
                if (_layout.TrySplitParentHeader(_words, row))
                {
                    foreach (var role in _layout.RoleIds) _seenRoles.Add(("indicators", role));
                    return;
                }
                if (_layout.TryAppendHeaderRow(_words, row))
                {
                    foreach (var role in _layout.RoleIds) _seenRoles.Add(("indicators", role));
                    foreach (var key in row.Keys) Form.MonitoringMonths ??= Vocabulary.MonitoringMonths(key);
                    _subHeaderPossible = true;
                    return;
                }
            }
            AddIndicatorRow(row);
            return;
        }
        if (TryFields(row)) return;
        if (_section != Section.Basic && IndicatorLayout.TryHeader(_words, row) is { } layout)
        {
            StartIndicatorTable(layout, row);
            return;
        }
        if (Form.Kind == FormKind.DepartmentBasicData)
        {
            if (TryStaffingHeader(row) || TryBasicHeader(row)) return;
            if (_section == Section.StaffingValues) { ReadStaffing(row); return; }
            if (_section == Section.Basic) { AddBasicRow(row); return; }
            return;
        }
        if (TrySourcesAcrossHeader(row) || TryFundsPairs(row)) return;
        if (TryFundsHeader(row)) return;
        if (_words.IsRow("functions", firstKey))
        {
            Form.Functions = FormRecognizer.JoinNonEmpty(row, first + 1);
            _section = Section.Header;
            return;
        }
        if (_words.IsGoalLabel(firstKey))
        {
            ReadGoalLabel(row, first);
            return;
        }
        switch (_section)
        {
            case Section.Funds:
                AddFundsRow(row);
                break;
            case Section.GoalValues:
                ReadGoalValues(row);
                break;
        }
    }

    private void StartIndicatorTable(IndicatorLayout layout, SourceRow row)
    {
        _layout = layout;
        // A header rebuilt from words out of order (TokenStream): the column order was assumed, the block is in doubt.
        if (row.Uncertain is { Count: > 0 })
            Doubt(new ReadingDoubt
            {
                Reason = DoubtReason.ShiftedCells, Block = FormBlock.Indicators, Text = string.Join(" ", row.Text.Where(t => t.Length > 0)),
            });
        foreach (var role in layout.RoleIds) _seenRoles.Add(("indicators", role));
        _section = Section.Indicators;
        _subHeaderPossible = true;
        foreach (var key in row.Keys) Form.MonitoringMonths ??= Vocabulary.MonitoringMonths(key);
    }

    public PerformanceForm? Finish()
    {
        CloseAssessmentItem();
        if (_pairs is not null) EndPairs(_pairs.Rows[^1], -1);
        var f = Form;
        var hasContent = f.Project is not null || f.Unit is not null || f.Department is not null || f.Funds.Count > 0 || f.Indicators.Count > 0
                         || f.BasicData.Count > 0 || f.Staffing is not null;
        if (!hasContent) return null;
        DoubtNestedFundsParts();
        switch (f.Kind)
        {
            case FormKind.ProjectSelfEvaluation or FormKind.DepartmentSelfEvaluation:
                // Opened from its indicator header (an excerpt cut before its title and funds): the total also adds the
                // funds' score, which is not in the excerpt.
                if (f.Title is null && f.Project is null && f.Funds.Count == 0 && f.Indicators.Count > 0) Doubt(CutOff(FormBlock.Funds));
                if (f.Indicators.Count == 0)
                {
                    f.Incomplete = true;
                    Doubt(CutOff(FormBlock.Indicators));
                }
                else if (!_sawTotal)
                {
                    f.Incomplete = true;
                    Doubt(CutOff(FormBlock.Indicators, f.Indicators[^1].Name ?? f.Indicators[^1].Level2 ?? ""));
                }
                break;
            case FormKind.Monitoring or FormKind.Targets:
                if (f.Indicators.Count == 0)
                {
                    f.Incomplete = true;
                    Doubt(CutOff(FormBlock.Indicators));
                }
                // These tables often print no total, so a missing 总分 row says nothing; a table whose rows stop before its
                // 效益 block does (TableCut), and its sums cannot be taken as the form's.
                else if (!_sawTotal && TableCut.MissingBlocks(f, TableCut.TreeOf(Jixiao.Core.Rulebooks.Rulebooks.NationalFor(f.Year), f.Kind)) is { Count: > 0 } missing)
                {
                    f.Incomplete = true;
                    Doubt(CutOff(FormBlock.Indicators, f.Indicators[^1].Name ?? f.Indicators[^1].Level2 ?? "") with { Text = string.Join("、", missing) });
                }
                break;
            case FormKind.DepartmentBasicData:
                if (f.BasicData.Count == 0)
                {
                    f.Incomplete = true;
                    Doubt(CutOff(FormBlock.BasicData));
                }
                break;
            case FormKind.ExAnteAssessment or FormKind.Evaluation:
                // An assessment report in prose (corpus 25) names the project and the amount but prints no scoring sheet.
                if (f.Indicators.Count == 0)
                {
                    f.Incomplete = true;
                    Doubt(CutOff(FormBlock.Indicators));
                }
                // A sheet that stops before its 总分 (an excerpt): the sections' items are not all there.
                else if (!_sawTotal)
                {
                    f.Incomplete = true;
                    Doubt(CutOff(FormBlock.Indicators, f.Indicators[^1].Name ?? f.Indicators[^1].Level2 ?? ""));
                }
                foreach (var role in new[] { ExAnteFields.RequestedAmount, ExAnteFields.ReducedAmount })
                    if (ExAnteFields.IsUnreadableAmount(f, role))
                        Doubt(new ReadingDoubt
                        {
                            Reason = DoubtReason.NotANumber, Block = FormBlock.Header, RowLabel = _words.Lexicon.Role("header", role)?.Header,
                            Text = f.Extra[role],
                        });
                break;
        }
        ChooseTemplate();
        return f;
    }

    /// <summary>
    /// A 小计 among the parts of a funds block (财政资金小计 over ①②③, (一)财政拨款小计 over 1、2、) puts them on two levels,
    /// and the form holds one: every row is kept as read, each subtotal with a doubt on its place, so no sum over the parts
    /// is asserted (the subtotal and its own items would both count). Parts that are all subtotals are one level.
    /// </summary>
    private void DoubtNestedFundsParts()
    {
        foreach (var group in Form.Funds.Where(r => r.Role != FundsRowRole.Total).GroupBy(r => r.Role))
        {
            var subtotals = group.Where(r => _words.IsRow("subtotal", TextNorm.Key(r.Label))).ToList();
            if (subtotals.Count == 0 || subtotals.Count == group.Count()) continue;
            foreach (var row in subtotals)
                Doubt(new ReadingDoubt { Reason = DoubtReason.NestedParts, Block = FormBlock.Funds, Row = row.Source, Cells = [CellRole.Label], RowLabel = row.Label });
        }
    }

    /// <summary>The template that fits the roles the form's headers named; the form records which it was read with.</summary>
    private void ChooseTemplate()
    {
        var region = string.Concat(Form.Title, Form.Department, Form.Unit, Form.Project);
        if (_words.Registry.Choose(Form.Kind, _seenRoles, Form.Year, region) is not { } template) return;
        Form.TemplateId = template.Id;
        Form.TemplateVersion = template.Version;
    }

    // ---- header fields -------------------------------------------------------------------------------------------

    private bool TryInlineFields(SourceRow row)
    {
        var any = false;
        for (var c = 0; c < row.Width; c++)
        {
            var text = row.Text[c];
            if (text.IndexOf('：') < 0 && text.IndexOf(':') < 0) continue;
            foreach (var (field, value) in _words.InlineFields(text))
            {
                Set(field, value);
                // "项目名称:" alone on its line, colon and all: an assessment report in prose puts the value on the next
                // line (corpus 25). Tables printed one cell per line do the same with a cell that is blank, so only the
                // assessment kinds, which come as reports, wait for a value.
                if (value.Length == 0 && row.NonEmptyCount == 1 && _section == Section.Header && Form.Kind.IsScoringSheet()) _pendingField = field;
                any = true;
            }
            if (Form.MoneyUnit is null && _words.MoneyUnitOf(row.Keys[c]) is { } unit && row.Keys[c].Length <= 12) Form.MoneyUnit = unit;
        }
        return any;
    }

    /// <summary>
    /// The 自评等级 row under a table's total ("自评等级 | 优"): the grade the unit states, kept as written for the checker
    /// to hold against the total. A label followed by anything that is no grade is left to the other rules.
    /// </summary>
    private bool TryGradeRow(SourceRow row, int first)
    {
        if (!_words.IsGradeLabel(row.Keys[first])) return false;
        for (var v = first + 1; v < row.Width; v++)
        {
            if (row.Text[v].Length == 0) continue;
            if (GradeMismatchRule.Normalize(row.Text[v]) is null) return false;
            Form.StatedGrade ??= row.Text[v];
            return true;
        }
        return false;
    }

    private bool TryFields(SourceRow row)
    {
        var any = false;
        for (var c = 0; c < row.Width; c++)
        {
            if (_words.FieldOf(row.Keys[c]) is not { } field) continue;
            any = true;
            for (var v = c + 1; v < row.Width; v++)
            {
                if (row.Text[v].Length == 0) continue;
                if (_words.FieldOf(row.Keys[v]) is not null || _words.IsColumnHeading(row.Keys[v])) break;
                Set(field, row.Text[v]);
                break;
            }
        }
        return any;
    }

    /// <summary>A header field into its typed property, or into <see cref="PerformanceForm.Extra"/> under its role id.</summary>
    private void Set(ColumnRole field, string value)
    {
        var v = value.Length == 0 ? null : value;
        _seenRoles.Add(("header", field.Id));
        switch (field.Property)
        {
            case nameof(PerformanceForm.Project): Form.Project ??= v; break;
            case nameof(PerformanceForm.Department): Form.Department ??= v; break;
            case nameof(PerformanceForm.Unit): Form.Unit ??= v; break;
            case nameof(PerformanceForm.Filler): Form.Filler ??= v; break;
            case nameof(PerformanceForm.Head): Form.Head ??= v; break;
            case null when v is not null: Form.Extra.TryAdd(field.Id, v); break;
        }
    }

    // ---- funds ---------------------------------------------------------------------------------------------------

    private bool TryFundsHeader(SourceRow row)
    {
        if (row.NonEmptyCount < 3) return false;
        var roles = new FundsColumn[row.Width];
        var lexical = new ColumnRole?[row.Width];
        var money = 0;
        for (var c = 0; c < row.Width; c++)
        {
            (roles[c], lexical[c]) = _words.FundsColumnOf(row.Keys[c]);
            if (roles[c] is FundsColumn.InitialBudget or FundsColumn.Budget or FundsColumn.Executed or FundsColumn.Forecast or FundsColumn.Rate or FundsColumn.Transfer) money++;
        }
        // One money column is a funds header when the words over the labels say so (资金来源 | 年初安排金额(万元)).
        if (money < 2 && !(money == 1 && LabelsFunds(row, roles))) return false;
        // "年度预算数(万元)" before the amount columns names the block and its unit, not a column of its own.
        for (var c = 0; c < row.Width; c++)
        {
            if (roles[c] == FundsColumn.None) continue;
            if (_words.MoneyUnitOf(row.Keys[c]) is not null && money > 2)
            {
                roles[c] = FundsColumn.None;
                lexical[c] = null;
            }
            break;
        }
        // "2020年实际执行数" in a 2022 form is an earlier year's figure, printed for comparison: not this year's execution.
        for (var c = 0; c < row.Width; c++)
        {
            if (roles[c] == FundsColumn.None || Vocabulary.Year(row.Text[c]) is not { } year || Form.Year is not { } formYear || year >= formYear) continue;
            roles[c] = FundsColumn.None;
            lexical[c] = null;
        }
        // A 小计 column is the year's whole budget only as the sum of the budget parts printed before it (年初预算 + 结转 +
        // 调整); with no 年初 column before it, it could be the subtotal of anything: not read as a budget.
        var initialBefore = false;
        for (var c = 0; c < row.Width; c++)
        {
            if (roles[c] == FundsColumn.InitialBudget) initialBefore = true;
            if (lexical[c]?.Id == "budgetSubtotal" && !initialBefore)
            {
                roles[c] = FundsColumn.None;
                lexical[c] = null;
            }
        }
        if (!Array.Exists(roles, r => r is FundsColumn.InitialBudget or FundsColumn.Budget or FundsColumn.Executed or FundsColumn.Forecast or FundsColumn.Transfer))
            return false;
        // Two columns for one property (全年预算数 and 调整后预算数): the role that owns the property keeps it, the other is kept as printed.
        // The owners are collected first: a header row can be thousands of columns wide (a hostile file), so no column against column.
        var owned = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < row.Width; c++)
            if (lexical[c] is { Property: { } property } role && role.Id == ToCamel(property)) owned.Add(property);
        for (var c = 0; c < row.Width; c++)
            if (lexical[c] is { Property: { } property } role && role.Id != ToCamel(property) && owned.Contains(property))
                roles[c] = FundsColumn.Extra;
        var firstValue = -1;
        for (var c = 0; c < row.Width; c++)
        {
            if (roles[c] == FundsColumn.None) continue;
            if (firstValue < 0) firstValue = c;
            _seenRoles.Add(("funds", lexical[c]!.Id));
        }
        _funds = roles;
        _fundsRoles = lexical;
        _fundsFirstValueColumn = firstValue;
        _fundsDefaultGroup = FundsRowRole.Part;
        _fundsBlockWeight = null;
        for (var c = 0; c < firstValue; c++)
        {
            var key = row.Keys[c];
            Form.MoneyUnit ??= _words.MoneyUnitOf(key);
            if (_words.IsFundsRow("sourceFunds", key)) _fundsDefaultGroup = FundsRowRole.Source;
            // "预算执行情况(20分)": the block's weight printed with its label (the 20-point execution layout).
            if (row.Text[c].Length > 0 && _fundsBlockWeight is null && _words.SplitWeight(row.Text[c]).Weight is { } w) _fundsBlockWeight = w;
        }
        _fundsGroup = _fundsDefaultGroup;
        foreach (var key in row.Keys) Form.MonitoringMonths ??= Vocabulary.MonitoringMonths(key);
        _section = Section.Funds;
        return true;
    }

    private bool LabelsFunds(SourceRow row, FundsColumn[] roles)
    {
        var first = Array.FindIndex(roles, r => r != FundsColumn.None);
        for (var c = 0; c < row.Width; c++)
        {
            if (row.Text[c].Length == 0) continue;
            if (c > first && roles[c] == FundsColumn.None) return false;
            if (c < first && (_words.IsFundsRow("sourceFunds", row.Keys[c]) || _words.IsFundsRow("totalFunds", row.Keys[c]))) return true;
        }
        return false;
    }

    private static string ToCamel(string property) => char.ToLowerInvariant(property[0]) + property[1..];

    private void AddFundsRow(SourceRow row)
    {
        var roles = _funds!;
        var labelColumn = -1;
        // A header printed without a label cell over the labels (全年预算数(A) in the first column) still has its
        // labels in the first column of the rows.
        for (var c = 0; c < Math.Max(_fundsFirstValueColumn, 1) && c < row.Width; c++)
        {
            Form.MoneyUnit ??= _words.MoneyUnitOf(row.Keys[c]);
            // An amount with its unit in the cell ("99万元") is no label either.
            if (row.Text[c].Length > 0 && !IsAmountText(row.Text[c])) labelColumn = c;
        }
        if (labelColumn < 0) return;
        var label = row.Text[labelColumn];
        var key = row.Keys[labelColumn];
        if (OnlyTextAfter(row, labelColumn))
        {
            // "资金管理情况 | 情况说明 | …": prose under its own headers, the funds block has ended.
            _section = Section.Header;
            return;
        }
        if (IsColumnNumbering(row, labelColumn)) return;
        var fr = new FundsRow { Label = label, Source = row.Sources[labelColumn] };
        // Figures a flattening ran together that no cut settles (GluedRows): read as far as they go, in doubt at their cells.
        if (row.Uncertain is { Count: > 0 } uncertain)
            Doubt(new ReadingDoubt
            {
                Reason = row.UncertainReason, Block = FormBlock.Funds, Row = fr.Source, Cells = [.. uncertain], Assumed = row.UncertainAssumed,
                RowLabel = label, Text = string.Join(" ", row.Text.Skip(labelColumn + 1).Where(t => t.Length > 0)),
            });
        var values = 0;
        foreach (var (c, role) in FundsCells(row, labelColumn, roles))
        {
            var text = row.Text[c];
            if (TextNorm.IsPlaceholder(text)) continue;
            switch (role)
            {
                case FundsColumn.Rate:
                    if (Rate(text) is { } rate) { fr.StatedRate = rate; values++; }
                    continue;
                case FundsColumn.None:
                    continue;
                case FundsColumn.Extra:
                    fr.Extra[_fundsRoles[c]!.Id] = text;
                    continue;
                case FundsColumn.Weight or FundsColumn.Score:
                    if (_words.TryScore(text, out var points))
                    {
                        values++;
                        if (role == FundsColumn.Weight) fr.Weight = points;
                        else fr.StatedScore = points;
                    }
                    else
                        Doubt(new ReadingDoubt
                        {
                            Reason = DoubtReason.NotANumber, Block = FormBlock.Funds, Row = fr.Source, Cells = [FundsCell(role)], RowLabel = label, Text = text,
                        });
                    continue;
            }
            if (!Amount(text, label, fr.Source, FundsCell(role), out var amount)) continue;
            values++;
            switch (role)
            {
                case FundsColumn.InitialBudget: fr.InitialBudget = amount; break;
                case FundsColumn.Budget: fr.Budget = amount; break;
                case FundsColumn.Executed: fr.Executed = amount; break;
                case FundsColumn.Transfer: fr.Transfer = amount; break;
                case FundsColumn.Forecast: fr.ForecastExecuted = amount; break;
            }
        }
        var rowRole = _words.FundsRowOf(key);
        if (values == 0 && !_words.IsFundsRow("fundsItem", key) && !_words.IsFundsRow("partFunds", key)) return;

        switch (rowRole?.Id)
        {
            case "totalFunds":
                fr.Role = FundsRowRole.Total;
                _fundsGroup = _fundsDefaultGroup;
                if (fr.Weight is null && _fundsBlockWeight is { } blockWeight && !Array.Exists(roles, r => r == FundsColumn.Weight)) fr.Weight = blockWeight;
                break;
            case "sourceFunds": fr.Role = _fundsGroup = FundsRowRole.Source; break;
            case "structureFunds": fr.Role = _fundsGroup = FundsRowRole.Structure; break;
            case "partFunds": fr.Role = _fundsGroup = FundsRowRole.Part; break;
            default: fr.Role = _fundsGroup; break;
        }
        if (fr.Role is FundsRowRole.Source) _seenRoles.Add(("fundsRows", "source"));
        if (fr.Role is FundsRowRole.Structure) _seenRoles.Add(("fundsRows", "structure"));
        // The 分值 belongs to the total row; a part row showing one under a total that has its own means the row's cells
        // moved (a PDF that dropped a blank cell and put a spanning "—" elsewhere): read, but the whole row is in doubt.
        if (fr.Role != FundsRowRole.Total && fr.Weight is not null && Form.Funds.Exists(f => f.Role == FundsRowRole.Total && f.Weight is not null))
            Doubt(new ReadingDoubt
            {
                Reason = DoubtReason.ShiftedCells, Block = FormBlock.Funds, Row = fr.Source, RowLabel = label,
                Text = string.Join(" ", row.Text.Skip(labelColumn + 1).Where(t => t.Length > 0)),
            });
        Form.Funds.Add(fr);
    }

    /// <summary>
    /// A targets form that states its amounts as label and amount side by side, with no funds header ("年度本级预算金额 |
    /// 250万 | 该项目支出上级资金 | 0", "项目总预算(万元) | 75.00 | | 项目当年预算(万元) | 25.00"): each funds label followed by
    /// an amount is a funds row with that budget. Only when every funds label of the row has its amount.
    /// </summary>
    private bool TryFundsPairs(SourceRow row)
    {
        var above = _pendingFundsLabels;
        _pendingFundsLabels = null;
        if (Form.Kind != FormKind.Targets || _funds is not null || _section != Section.Header) return false;
        if (above is not null && AmountsUnder(row, above)) return true;
        var labels = new List<int>();
        var named = 0;
        var amounts = false;
        for (var c = 0; c < row.Width; c++)
        {
            if (row.Text[c].Length == 0) continue;
            if (IsAmountText(row.Text[c])) amounts = true;
            else
            {
                labels.Add(c);
                if (_words.FundsRowOf(row.Keys[c]) is not null) named++;
            }
        }
        // Labels whose amounts stand on the next line: a lone funds label (one cell per line), or a row naming two or more.
        if (!amounts && (named >= 2 || (named == 1 && labels.Count == 1)))
        {
            _pendingFundsLabels = labels;
            _pendingFundsRow = row;
            return false;
        }
        var pairs = new List<(int Label, int Value)>();
        for (var c = 0; c < row.Width; c++)
        {
            if (row.Text[c].Length == 0 || IsAmountText(row.Text[c]) || _words.FundsRowOf(row.Keys[c]) is null) continue;
            var v = c + 1;
            while (v < row.Width && row.Text[v].Length == 0) v++;
            if (v >= row.Width || !IsAmountText(row.Text[v])) return false;
            pairs.Add((c, v));
            c = v;
        }
        if (pairs.Count == 0) return false;
        foreach (var (l, v) in pairs) AddBudgetPair(row, l, row.Text[v]);
        return true;
    }

    /// <summary>The labels of the row before, waiting for the amounts printed under them.</summary>
    private List<int>? _pendingFundsLabels;

    private SourceRow? _pendingFundsRow;

    /// <summary>
    /// Amounts under the labels of the row before: the one cell after a lone label, or each amount under a label; the row
    /// holds amounts only.
    /// </summary>
    private bool AmountsUnder(SourceRow row, List<int> labels)
    {
        var above = _pendingFundsRow!;
        var cells = Enumerable.Range(0, row.Width).Where(c => row.Text[c].Length > 0).ToList();
        if (cells.Count == 0 || !cells.TrueForAll(c => IsAmountText(row.Text[c]))) return false;
        if (labels.Count == 1 && cells.Count == 1)
        {
            AddBudgetPair(above, labels[0], row.Text[cells[0]]);
            return true;
        }
        if (!cells.TrueForAll(labels.Contains)) return false;
        foreach (var c in cells) AddBudgetPair(above, c, row.Text[c]);
        return true;
    }

    private void AddBudgetPair(SourceRow labels, int column, string value)
    {
        Form.MoneyUnit ??= _words.MoneyUnitOf(labels.Keys[column]);
        if (!Amount(value, labels.Text[column], labels.Sources[column], CellRole.Budget, out var amount)) return;
        var role = _words.FundsRowOf(labels.Keys[column])?.Id switch
        {
            "totalFunds" => FundsRowRole.Total,
            "sourceFunds" => FundsRowRole.Source,
            "structureFunds" => FundsRowRole.Structure,
            _ => FundsRowRole.Part,
        };
        Form.Funds.Add(new FundsRow { Label = labels.Text[column], Source = labels.Sources[column], Budget = amount, Role = role });
        // A pair a flattening marked (a bracketed 其中 of another part, GluedRows.Head): read, in doubt at its cells.
        if (labels.Uncertain is { Count: > 0 } uncertain)
            Doubt(new ReadingDoubt
            {
                Reason = labels.UncertainReason, Block = FormBlock.Funds, Row = labels.Sources[column], Cells = [.. uncertain],
                Assumed = labels.UncertainAssumed, RowLabel = labels.Text[column], Text = value,
            });
    }

    /// <summary>
    /// The numbers of the columns printed under a header (列次 | 0 | 1 | 2 | 3 …, the 行次/列次 grid of transfer-payment
    /// tables): whole numbers counting up by one, four or more of them; not a row of amounts.
    /// </summary>
    private static bool IsColumnNumbering(SourceRow row, int labelColumn)
    {
        var count = 0;
        decimal previous = -1;
        for (var c = labelColumn + 1; c < row.Width; c++)
        {
            if (row.Text[c].Length == 0 || !TextNorm.TryAmount(row.Text[c], out var n) || n != decimal.Truncate(n) || row.Text[c].Contains('.', StringComparison.Ordinal)) continue;
            // A column number is no larger than the row is wide (and previous + 1 cannot overflow on an amount like 7.9e28).
            if (n < 0 || n > row.Width) return false;
            if (count > 0 && n != previous + 1) return false;
            previous = n;
            count++;
        }
        return count >= 4;
    }

    /// <summary>
    /// The value cells of a funds row with the column each stands for. Where every value sits under a header of its
    /// type, its position decides. Converters that drop empty cells ("| 32.4 | 31.69 | 10 | 97.80% | 9 |" under six
    /// headers, 年初预算数 left blank) shift the values left; then the order of the values decides, anchored on the one
    /// value whose type is certain — the percentage is the 执行率 — with the amounts before it taking the columns just
    /// before the rate and those after it the columns after. Without an anchor the amounts fill the amount columns
    /// from the left, which is how a row with only budget figures (其中 rows) is printed; anything else is noted.
    /// </summary>
    private IEnumerable<(int Column, FundsColumn Role)> FundsCells(SourceRow row, int labelColumn, FundsColumn[] roles)
    {
        var cells = new List<int>();
        for (var c = labelColumn + 1; c < row.Width; c++)
            if (row.Text[c].Length > 0) cells.Add(c);
        if (labelColumn < _fundsFirstValueColumn && cells.TrueForAll(c => c >= _fundsFirstValueColumn && c < roles.Length && FitsColumn(row.Text[c], roles[c], _fundsRoles[c])))
            return cells.Select(c => (c, roles[c]));

        // By order: only figures take part; text belongs to the explanation columns (原因, 说明) at the end.
        cells.RemoveAll(c => !(TextNorm.IsPlaceholder(row.Text[c]) || IsFigure(row.Text[c]) || IsPercentText(row.Text[c])));

        var columns = new List<FundsColumn>();
        for (var c = _fundsFirstValueColumn; c < roles.Length; c++)
            if (roles[c] != FundsColumn.None) columns.Add(roles[c]);
        var percent = cells.FindIndex(c => IsPercentText(row.Text[c]));
        var rateAt = columns.IndexOf(FundsColumn.Rate);
        var assigned = new FundsColumn[cells.Count];
        var offset = rateAt - percent;
        if (percent >= 0 && rateAt >= 0 && offset >= 0 && offset + cells.Count <= columns.Count)
        {
            for (var i = 0; i < cells.Count; i++) assigned[i] = columns[offset + i];
            // The columns before the first figure are taken as blank: say which, so a check reading them waits.
            if (offset > 0)
                Doubt(new ReadingDoubt
                {
                    Reason = DoubtReason.ShiftedCells, Block = FormBlock.Funds, Row = row.Source, RowLabel = row.Text[labelColumn],
                    Cells = columns.Take(offset).Select(FundsCell).ToList(), Text = string.Join(" ", cells.Select(c => row.Text[c])),
                });
        }
        else if (percent < 0 && cells.Count <= columns.Count && cells.TrueForAll(c => TextNorm.IsPlaceholder(row.Text[c]) || IsFigure(row.Text[c])))
        {
            for (var i = 0; i < cells.Count; i++) assigned[i] = columns[i];
        }
        else
        {
            Doubt(new ReadingDoubt
            {
                Reason = DoubtReason.ShiftedCells, Block = FormBlock.Funds, Row = row.Source, RowLabel = row.Text[labelColumn],
                Text = string.Join(" ", cells.Select(c => row.Text[c])),
            });
            return [];
        }
        return cells.Select((c, i) => (c, assigned[i]));
    }

    private static bool OnlyTextAfter(SourceRow row, int labelColumn)
    {
        var text = 0;
        for (var c = labelColumn + 1; c < row.Width; c++)
        {
            var t = row.Text[c];
            if (t.Length == 0) continue;
            if (TextNorm.IsPlaceholder(t) || IsAmountText(t) || IsPercentText(t)) return false;
            text++;
        }
        return text > 0;
    }

    /// <summary>A figure a funds cell can hold: an amount, with or without its money unit in the cell.</summary>
    /// <summary>An amount, or points with their unit in the cell ("10分"): a figure of the funds row either way.</summary>
    private bool IsFigure(string text) => IsAmountText(text) || _words.TryScore(text, out _);

    private static bool IsAmountText(string text) => TextNorm.TryAmount(text, out _) || Vocabulary.TryAmountWithUnit(text, out _, out _);

    private static bool IsPercentText(string text)
    {
        var t = text.Trim();
        return TextNorm.IsRate(t);
    }

    private static bool FitsColumn(string text, FundsColumn role, ColumnRole? lexical) => role switch
    {
        FundsColumn.None => true,
        FundsColumn.Rate => TextNorm.IsPlaceholder(text) || Rate(text) is not null,
        // A column kept as printed takes what its role's type holds (预算到位率 a percentage, 行次 a number).
        FundsColumn.Extra when lexical?.Type == RoleType.Percentage => TextNorm.IsPlaceholder(text) || Rate(text) is not null,
        _ => TextNorm.IsPlaceholder(text) || !IsPercentText(text),
    };

    /// <summary>
    /// An amount as printed, or with its money unit in the cell ("4753.66万元"). A unit in the cell sets the form's unit
    /// when the form names none; a unit that differs from the form's is converted, with a note, never silently.
    /// </summary>
    private bool Amount(string text, string label, SourcePosition? row, CellRole cell, out decimal amount)
    {
        if (TextNorm.TryAmount(text, out amount)) return true;
        if (Vocabulary.TryAmountWithUnit(text, out amount, out var unit))
        {
            if (Form.MoneyUnit is null)
            {
                Form.MoneyUnit = unit;
                return true;
            }
            // An amount no form could hold is kept as printed, for the checker to call out of range: converted, it could overflow.
            if (Form.MoneyUnit == unit || !DomainRanges.IsAmount(amount)) return true;
            var inYuan = unit.ToYuan(amount);
            amount = Form.MoneyUnit == MoneyUnit.Yuan ? inYuan : inYuan / 10_000m;
            Doubt(new ReadingDoubt
            {
                Reason = DoubtReason.AmbiguousNumber, Block = FormBlock.Funds, Row = row, Cells = [cell], RowLabel = label, Text = text,
                Assumed = amount.ToString(System.Globalization.CultureInfo.InvariantCulture) + Form.MoneyUnit.Value.Symbol(),
            });
            return true;
        }
        Doubt(new ReadingDoubt { Reason = DoubtReason.NotANumber, Block = FormBlock.Funds, Row = row, Cells = [cell], RowLabel = label, Text = text });
        return false;
    }

    /// <summary>A rate as printed ("99.99%"); a bare number in a rate column is percentage points ("0", "100").</summary>
    private static Percentage? Rate(string text)
    {
        if (Percentage.TryParse(text, out var p)) return p;
        if (!TextNorm.TryAmount(text, out var points)) return null;
        var t = text.Trim();
        var dot = t.IndexOf('.', StringComparison.Ordinal);
        return new Percentage(points / 100m, dot < 0 ? 0 : t.Length - dot - 1);
    }

    // ---- overall target ------------------------------------------------------------------------------------------

    private void ReadGoalLabel(SourceRow row, int first)
    {
        _goalPlannedColumn = _goalActualColumn = -1;
        var texts = new List<int>();
        for (var c = first + 1; c < row.Width; c++)
            if (row.Text[c].Length > 0) texts.Add(c);
        var headers = texts.Count > 0 && texts.TrueForAll(c => row.Keys[c].Length <= 10 && _words.IsGoalHeader(row.Keys[c]));
        if (headers)
        {
            foreach (var c in texts)
            {
                if (_words.IsActualGoalHeader(row.Keys[c]) && _goalActualColumn < 0) _goalActualColumn = c;
                else if (_goalPlannedColumn < 0) _goalPlannedColumn = c;
            }
            _section = Section.GoalValues;
            return;
        }
        if (texts.Count > 0) Form.PlannedGoal = row.Text[texts[0]];
        if (texts.Count > 1) Form.ActualGoal = row.Text[texts[1]];
        _section = Section.Header;
    }

    private void ReadGoalValues(SourceRow row)
    {
        _section = Section.Header;
        var actualFrom = _goalActualColumn >= 0 ? _goalActualColumn : int.MaxValue;
        var planned = new List<string>();
        var actual = new List<string>();
        for (var c = 0; c < row.Width; c++)
        {
            if (row.Text[c].Length == 0) continue;
            (c >= actualFrom ? actual : planned).Add(row.Text[c]);
        }
        // Two texts under the two headers, printed without the empty label cell before them: one each, in order.
        if (_goalPlannedColumn >= 0 && actual.Count == 0 && planned.Count == 2 && row.FirstNonEmpty < _goalPlannedColumn)
        {
            actual.Add(planned[1]);
            planned.RemoveAt(1);
        }
        if (planned.Count > 0) Form.PlannedGoal = string.Join('\n', planned);
        if (actual.Count > 0) Form.ActualGoal = string.Join('\n', actual);
    }

    // ---- basic data table ----------------------------------------------------------------------------------------

    private bool TryStaffingHeader(SourceRow row)
    {
        int authorized = -1, actual = -1, rate = -1;
        for (var c = 0; c < row.Width; c++)
        {
            switch (_words.BasicDataOf(row.Keys[c])?.Id)
            {
                case "staffAuthorized": authorized = c; break;
                case "staffActual": actual = c; break;
                case "staffRate": rate = c; break;
            }
        }
        if (authorized < 0 || actual < 0) return false;
        (_staffAuthorized, _staffActual, _staffRate) = (authorized, actual, rate);
        _section = Section.StaffingValues;
        return true;
    }

    private void ReadStaffing(SourceRow row)
    {
        var block = new StaffingBlock { Source = row.Source };
        if (TextNorm.TryAmount(row.At(_staffAuthorized), out var a)) block.Authorized = a;
        if (TextNorm.TryAmount(row.At(_staffActual), out var b)) block.Actual = b;
        if (Percentage.TryParse(row.At(_staffRate), out var p)) block.StatedControlRate = p;
        if (block.Authorized is null && block.Actual is null) return;
        Form.Staffing = block;
        _section = Section.Header;
    }

    private bool TryBasicHeader(SourceRow row)
    {
        int prior = -1, budget = -1, final = -1;
        var maxYear = 0;
        for (var c = 0; c < row.Width; c++)
            if (Vocabulary.Year(row.Text[c]) is { } y && y > maxYear) maxYear = y;
        for (var c = 0; c < row.Width; c++)
        {
            var y = Vocabulary.Year(row.Text[c]);
            switch (_words.BasicDataOf(row.Keys[c])?.Id)
            {
                case "priorYearFinal": prior = c; break;
                case "final" when y is not null && y < maxYear: prior = c; break;
                case "final": final = c; break;
                case "basicBudget": budget = c; break;
            }
        }
        if ((prior < 0 ? 0 : 1) + (budget < 0 ? 0 : 1) + (final < 0 ? 0 : 1) < 2) return false;
        (_basicPrior, _basicBudget, _basicFinal) = (prior, budget, final);
        if (maxYear > 0) Form.Year ??= maxYear;
        _section = Section.Basic;
        _basicDepthOfParent = 0;
        _basicSubDepth = null;
        _basicSubIndented = false;
        return true;
    }

    [GeneratedRegex(@"^\s*(?:\d{1,2}\s*[、.．)）]|[(（]\s*\d{1,2}\s*[)）])")]
    private static partial Regex ArabicNumbering();

    /// <summary>
    /// Whether a row after a 其中 row opens a new heading rather than continuing the 其中 list (其中：公车购置 /
    /// 公车运行维护). Decided by meaning: a heading of the block, a label ending in a colon (项目支出：), or words in
    /// place of amounts (厉行节约保障措施). Indentation is a hint only where the document kept it: when the 其中 row was
    /// indented, an unindented row is a heading; HTML and Word readers drop leading spaces, so their absence says nothing.
    /// </summary>
    private bool OpensBasicHeading(BasicDataRow r, string key, string label, int lead) =>
        _words.IsBasicHeading(key)
        || label.TrimEnd().EndsWith('：') || label.TrimEnd().EndsWith(':')
        || r.Text is not null
        || (_basicSubIndented && lead == 0);

    private void AddBasicRow(SourceRow row)
    {
        var labelColumn = row.FirstNonEmpty;
        var raw = row.Raw[labelColumn];
        var label = row.Text[labelColumn];
        var key = row.Keys[labelColumn];
        var r = new BasicDataRow { Label = label, Source = row.Sources[labelColumn] };
        var text = FormRecognizer.JoinNonEmpty(row, labelColumn + 1);
        if (text.Length > 0 && row.NonEmptyCount == 2 && !TextNorm.IsAmount(text) && !TextNorm.IsPlaceholder(text))
        {
            // A row with words instead of amounts (厉行节约保障措施).
            r.Text = text;
        }
        else
        {
            r.PriorYearFinal = Amount(row, _basicPrior, labelColumn, CellRole.PriorYearFinal);
            r.Budget = Amount(row, _basicBudget, labelColumn, CellRole.Budget);
            r.Final = Amount(row, _basicFinal, labelColumn, CellRole.Final);
        }

        var lead = 0;
        while (lead < raw.Length && char.IsWhiteSpace(raw[lead])) lead++;
        if (_words.IsFundsRow("partFunds", key))
        {
            r.Depth = _basicDepthOfParent + 1;
            _basicSubDepth = r.Depth;
            _basicSubIndented = lead > 0;
        }
        else if (ArabicNumbering().IsMatch(label))
        {
            r.Depth = 1;
            _basicDepthOfParent = 1;
            _basicSubDepth = null;
        }
        else if (_basicSubDepth is { } sub && !OpensBasicHeading(r, key, label, lead))
        {
            // A row following a 其中 row inside the same heading is one more item of that breakdown.
            r.Depth = sub;
        }
        else
        {
            r.Depth = 0;
            _basicDepthOfParent = 0;
            _basicSubDepth = null;
        }
        Form.BasicData.Add(r);
    }

    private decimal? Amount(SourceRow row, int column, int labelColumn, CellRole role)
    {
        if (column < 0 || column == labelColumn) return null;
        var text = row.At(column);
        if (TextNorm.IsPlaceholder(text)) return null;
        if (TextNorm.TryAmount(text, out var v)) return v;
        Doubt(new ReadingDoubt
        {
            Reason = DoubtReason.NotANumber, Block = FormBlock.BasicData, Row = row.Sources[labelColumn], Cells = [role],
            RowLabel = row.Text[labelColumn], Text = text,
        });
        return null;
    }

    /// <summary>The cell a funds column's value fills (a doubt's scope); a column without a property of its own is the label's.</summary>
    internal static CellRole FundsCell(FundsColumn column) => column switch
    {
        FundsColumn.InitialBudget => CellRole.InitialBudget,
        FundsColumn.Budget => CellRole.Budget,
        FundsColumn.Executed => CellRole.Executed,
        FundsColumn.Transfer => CellRole.Transfer,
        FundsColumn.Forecast => CellRole.Forecast,
        FundsColumn.Weight => CellRole.Weight,
        FundsColumn.Rate => CellRole.Rate,
        FundsColumn.Score => CellRole.Score,
        _ => CellRole.Label,
    };
}
