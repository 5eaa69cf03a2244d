using Jixiao.Core.Forms;
using Jixiao.Core.Templates;

namespace Jixiao.Documents.Recognition;

internal sealed partial class FormBuilder
{
    private static readonly int[] ShiftCandidates = [0, -1, 1, -2, 2, -3, 3];

    /// <summary>The text cells of an indicator row a stray fragment may continue.</summary>
    private static readonly CellRole[] TextCells = [CellRole.Name, CellRole.Content, CellRole.Target, CellRole.Actual, CellRole.Explanation];

    private readonly record struct TreeItem(int Column, string Text, string Key, decimal? Weight, TreeWord Kind);

    /// <summary>The last row's 二级 was itself the item scored (its 三级 a dash).</summary>
    private bool _level2Scored;

    /// <summary>
    /// The row's name printed again inside its 完成值 cell before the figure ("name" then a line break and "0", or the two
    /// run together where a PDF loses the break): the figure is the actual, read in doubt at that cell. Whether the name
    /// was a label or part of what was achieved is not printed, so the doubt keeps the cell as it stands.
    /// </summary>
    private string ActualAfterRepeatedName(string text, string? name, SourceRow row, string? rowLabel)
    {
        var cell = text.Trim();
        var named = name?.Trim();
        if (string.IsNullOrEmpty(named) || cell.Length <= named.Length || !cell.StartsWith(named, StringComparison.Ordinal)) return text;
        var rest = cell[named.Length..].Trim();
        if (rest.Length == 0 || !(IsFigure(rest) || IsPercentText(rest) || Jixiao.Core.Notation.IndicatorValue.Parse(rest).IsQuantitative)) return text;
        Doubt(new ReadingDoubt
        {
            Reason = DoubtReason.ShiftedCells, Block = FormBlock.Indicators, Row = row.Source, Cells = [CellRole.Actual], RowLabel = rowLabel,
            Text = text, Assumed = rest,
        });
        return rest;
    }

    private void AddIndicatorRow(SourceRow row)
    {
        var layout = _layout!;
        if (IndicatorLayout.TryHeader(_words, row) is { } again)
        {
            // The header again after a page break; a header of other columns (a rubric's items, then the 项目绩效 table of
            // targets and actuals under it) is a new table of the form, read with its own columns.
            if (!again.RoleIds.SequenceEqual(layout.RoleIds, StringComparer.Ordinal)) StartIndicatorTable(again, row);
            return;
        }
        if (TryTotalRow(row)) return;
        if (_sawTotal) return;

        var nonEmpty = row.NonEmptyCount;
        var first = row.FirstNonEmpty;
        if (nonEmpty == 1 && _words.IsBlockLabel(row.Keys[first])) return;
        if (nonEmpty == 1 && _words.IsPlaceholderName(row.Text[first]))
        {
            Doubt(new ReadingDoubt
            {
                Reason = DoubtReason.PlaceholderRow, Block = FormBlock.Indicators, Row = row.Source, Cells = [CellRole.Name], Text = row.Text[first],
            });
            return;
        }
        // The section's cell printed again at the top of the next page (or of the cut-off rest) continues nothing.
        if (nonEmpty == 1 && _level1 is not null && TextNorm.Key(_words.SplitWeight(row.Text[first]).Name) == TextNorm.Key(_level1)) return;
        if (TryTableWideText(row, first)) return;
        if (nonEmpty == 1 && Form.Indicators.Count > 0 && !TextNorm.IsAmount(row.Text[first]) && !UnderMergedTreeCells(row, layout, first)
            && _words.Classify(row.Keys[first]) == TreeWord.Text && !_words.IsLevel2Stem(row.Keys[first]))
        {
            // A fragment a page break split off a cell of the row above: which of its text cells it continues cannot be
            // told, so those cells are in doubt (its numbers are not: the fragment is no amount).
            var previous = Form.Indicators[^1];
            Doubt(new ReadingDoubt
            {
                Reason = DoubtReason.StrayFragment, Block = FormBlock.Indicators, Row = previous.Source, Cells = TextCells,
                RowLabel = previous.Name ?? previous.Level2, Text = row.Text[first],
            });
            return;
        }

        // A rubric with one tree column prints each item's name with its points in the 分值 cell ("任务分解 (2分)"): that
        // cell anchors the row, and its name is the item's.
        var pointsColumn = NameWithPointsColumn(row, layout);
        var (shift, numbersCertain) = pointsColumn is { } pc ? (pc - layout.WeightColumn, true) : FindShift(row, layout);
        _previousShift = shift;

        // Left part: the indicator tree (一级/二级/三级/内容); right part: values, anchored on 分值/得分.
        var leftEnd = Math.Min(row.Width, layout.TargetColumn + shift);
        // A sub-row without points: its name stands where the 分值 would, and is its name.
        var subRow = pointsColumn is null && SubRowWithoutPoints(row, layout) == shift;
        if (subRow) leftEnd = first + 1;
        // A row printing fewer cells than the header (name and target merged) still starts with its name: the values
        // anchored on the likelihood word leave it the first cell.
        // Which of the header's value columns its other cells fill is then a guess: those cells are in doubt.
        var squeezed = layout.LikelihoodColumn >= 0 && leftEnd <= first && first < layout.LikelihoodColumn + shift;
        if (squeezed) leftEnd = first + 1;
        var items = new List<TreeItem>(5);
        var extraCells = new Dictionary<string, string>(StringComparer.Ordinal);
        decimal? level1WeightCell = null;
        var strays = new List<string>();
        for (var c = 0; c < leftEnd; c++)
        {
            var text = row.Text[c];
            if (TextNorm.IsPlaceholder(text)) continue;
            var key = row.Keys[c];
            // On a scoring sheet 绩效目标 is an item of 决策 (and 绩效目标明确性 its point), not the label of the block.
            if (!Form.Kind.IsScoringSheet() && _words.IsBlockLabel(key)) continue;
            if (layout.RoleAt(c - shift) == IndicatorColumn.Extra && layout.RoleIdAt(c - shift) is { } leftExtra)
            {
                extraCells[leftExtra] = text;
                continue;
            }
            if (TextNorm.TryAmount(text, out var number))
            {
                // The Hunan department-wide layout prints the 一级 weight in a 权重 column of its own.
                if (layout.RoleAt(c - shift) == IndicatorColumn.Level1Weight || layout.RoleAt(c) == IndicatorColumn.Level1Weight)
                    level1WeightCell = number;
                else
                    strays.Add(text);
                continue;
            }
            var (word, weight) = _words.SplitWeight(text);
            var wordKey = TextNorm.Key(word);
            var kind = _words.Classify(wordKey);
            // A template's numbered placeholder (指标1, 指标2) is a name whole: it marks the row as unfilled, and its number is no stray.
            if (kind == TreeWord.Text && !_words.IsPlaceholderName(word) && _words.TryStripTrailingNumbers(word, out var stripped))
            {
                strays.Add(word[stripped.Length..].Trim());
                word = stripped;
                wordKey = TextNorm.Key(word);
                kind = _words.Classify(wordKey);
            }
            items.Add(new TreeItem(c, word, wordKey, weight, kind));
        }

        TreeItem? l1 = null, l2 = null, name = null, content = null;
        var garbledLevel1 = false;
        var extras = new List<string>();
        if (!AssignByPosition(items, layout, shift, Form.Kind.IsScoringSheet(), ref l1, ref l2, ref name, ref content, ref garbledLevel1))
            AssignInOrder(items, ref l1, ref l2, ref name, ref content, ref garbledLevel1, extras);
        if (pointsColumn is { } points)
        {
            // The words left of the points cell can only be the section it belongs to.
            if (l1 is null && name is { } section) l1 = section with { Kind = TreeWord.Level1 };
            var (pointsName, pointsWeight) = _words.SplitWeight(row.Text[points]);
            name = new TreeItem(points, pointsName, TextNorm.Key(pointsName), pointsWeight, TreeWord.Text);
        }

        if (Form.Kind.IsScoringSheet())
        {
            // A dash in the 三级 cell of a weighted 二级 ("种植面积(20分) | —— | 20"): the 二级 is the item scored, and has
            // no items under it, so a row that follows with only a name is the next 二级, scored as it stands too.
            if (name is null && l2 is { Weight: not null } group && IsDashAt(row, layout, IndicatorColumn.Name, shift))
            {
                name = group with { Weight = null };
                _level2Scored = true;
            }
            else if (l1 is null && l2 is null && name is { } item && _level2Scored) l2 = item with { Weight = null };
            else _level2Scored = false;
        }

        var indicator = new IndicatorRow { Source = row.Source };
        var rowLabel = name?.Text ?? l2?.Text ?? "名称缺失";

        // 一级 / 二级, filled down where the printed cell spans rows.
        if (l1 is { } one)
        {
            if (garbledLevel1)
            {
                var parent = l2 is { } two ? _words.StandardParent(two.Key) : null;
                Doubt(new ReadingDoubt
                {
                    Reason = DoubtReason.MisplacedLevel, Block = FormBlock.Indicators, Row = row.Source, Cells = [CellRole.Level1],
                    Text = one.Text, Assumed = parent,
                });
                _level1 = parent ?? one.Text;
                _level1Weight = null;
            }
            else
            {
                _level1 = one.Text;
                _level1Weight = one.Weight ?? level1WeightCell;
            }
            _level2 = null;
            _level2Weight = null;
        }
        else if (level1WeightCell is not null)
        {
            _level1Weight = level1WeightCell;
        }
        if (l2 is { } second)
        {
            _level2 = second.Text;
            _level2Weight = second.Weight;
            if (l1 is null && _words.StandardParent(second.Key) is { } parent
                && (_level1 is null || (_words.IsStandardLevel1(TextNorm.Key(_level1)) && TextNorm.Key(_level1) != parent)))
            {
                Doubt(new ReadingDoubt
                {
                    Reason = DoubtReason.InferredLevel, Block = FormBlock.Indicators, Row = row.Source, Cells = [CellRole.Level1],
                    Text = second.Text, Assumed = parent,
                });
                _level1 = parent;
                _level1Weight = null;
            }
        }
        indicator.Level1 = _level1;
        indicator.Level1Weight = _level1Weight;
        indicator.Level2 = _level2;
        indicator.Level2Weight = _level2Weight;
        indicator.Name = name?.Text;
        indicator.Content = content?.Text;
        if (content is not null && !layout.HasContent)
            Doubt(new ReadingDoubt
            {
                Reason = DoubtReason.ShiftedCells, Block = FormBlock.Indicators, Row = row.Source, Cells = [CellRole.Target, CellRole.Actual],
                RowLabel = rowLabel, Text = content.Value.Text, Assumed = ReadingDoubtText.Name(CellRole.Content),
            });
        foreach (var extra in extras)
            Doubt(new ReadingDoubt
            {
                Reason = DoubtReason.ExtraCell, Block = FormBlock.Indicators, Row = row.Source, Cells = [CellRole.Name, CellRole.Content],
                RowLabel = rowLabel, Text = extra,
            });
        // Numbers among the names: cells of this row (or of another) sit in the wrong place, so none of its values is sure.
        if (strays.Count > 0)
            Doubt(new ReadingDoubt
            {
                Reason = DoubtReason.StrayFragment, Block = FormBlock.Indicators, Row = row.Source, RowLabel = rowLabel, Text = string.Join(" ", strays),
            });

        // Right part.
        // A squeezed row's cells between its name and its likelihood word are read where they stand, from the 指标值 on
        // (in doubt, below); the likelihood word and what follows it keep their place.
        var fromName = squeezed && layout.LikelihoodColumn > layout.TargetColumn;
        for (var c = layout.TargetColumn; c < layout.Width; c++)
        {
            var role = layout.RoleAt(c);
            var at = fromName && c < layout.LikelihoodColumn ? c - layout.TargetColumn + leftEnd : c + shift;
            if (at < leftEnd || (fromName && c < layout.LikelihoodColumn && at >= layout.LikelihoodColumn + shift)) continue;
            var text = row.At(at);
            if (text.Length == 0) continue;
            switch (role)
            {
                case IndicatorColumn.Target: indicator.Target = text; break;
                // 指标内容 printed after the 分值 (一级 | 二级 | 分值 | 指标内容 | 指标值 …) is on the right of the numbers.
                case IndicatorColumn.Content: indicator.Content ??= text; break;
                case IndicatorColumn.Actual: indicator.Actual = ActualAfterRepeatedName(text, indicator.Name, row, rowLabel); break;
                case IndicatorColumn.MidYearProgress: indicator.MidYearProgress = text; break;
                case IndicatorColumn.ExpectedCompletion: indicator.ExpectedCompletion = text; break;
                case IndicatorColumn.Explanation when numbersCertain: indicator.Explanation = text; break;
                case IndicatorColumn.Improvement when numbersCertain: indicator.Improvement = text; break;
                case IndicatorColumn.Remark when numbersCertain: indicator.Remark = text; break;
                case IndicatorColumn.Weight when numbersCertain && _words.TryScore(text, out var w): indicator.Weight = w; break;
                case IndicatorColumn.Score when numbersCertain && _words.TryScore(text, out var s): indicator.StatedScore = s; break;
                case IndicatorColumn.Extra when layout.RoleIdAt(c) is { } id: extraCells[id] = text; break;
                case IndicatorColumn.CauseFunding when _words.IsTick(text): indicator.Causes |= DeviationCauses.Funding; break;
                case IndicatorColumn.CauseRules when _words.IsTick(text): indicator.Causes |= DeviationCauses.Rules; break;
                case IndicatorColumn.CauseStaff when _words.IsTick(text): indicator.Causes |= DeviationCauses.Staff; break;
                case IndicatorColumn.CauseHardware when _words.IsTick(text): indicator.Causes |= DeviationCauses.Hardware; break;
                case IndicatorColumn.CauseOther when _words.IsTick(text): indicator.Causes |= DeviationCauses.Other; break;
                case IndicatorColumn.LikelyCertain when _words.IsTick(text): indicator.Likelihood ??= CompletionLikelihood.Certain; break;
                case IndicatorColumn.LikelyPossible when _words.IsTick(text): indicator.Likelihood ??= CompletionLikelihood.Possible; break;
                case IndicatorColumn.LikelyImpossible when _words.IsTick(text): indicator.Likelihood ??= CompletionLikelihood.Impossible; break;
                case IndicatorColumn.Group when c == layout.LikelihoodColumn: indicator.Likelihood ??= LikelihoodWord(text); break;
            }
        }
        foreach (var (id, text) in extraCells) indicator.Extra[id] = text;
        if (squeezed)
            Doubt(new ReadingDoubt
            {
                Reason = DoubtReason.ShiftedCells, Block = FormBlock.Indicators, Row = row.Source,
                Cells = [CellRole.Target, CellRole.MidYearProgress, CellRole.ExpectedCompletion], RowLabel = rowLabel,
                Text = string.Join(" ", row.Text.Skip(leftEnd).Where(t => t.Length > 0 && LikelihoodWord(t) is null)),
                Assumed = fromName && indicator.Target is not null ? ReadingDoubtText.Name(CellRole.Target) : null,
            });
        CombineTarget(indicator);
        if (layout.UnlabelledPoints && indicator.Weight is { } unlabelled && indicator.StatedScore is null)
        {
            indicator.StatedScore = unlabelled;
            Doubt(new ReadingDoubt
            {
                Reason = DoubtReason.AmbiguousNumber, Block = FormBlock.Indicators, Row = row.Source, Cells = [CellRole.Weight, CellRole.Score],
                RowLabel = rowLabel, Text = row.At(layout.WeightColumn + shift), Assumed = row.At(layout.WeightColumn + shift),
            });
        }
        if (!numbersCertain)
        {
            var w = row.At(layout.WeightColumn + shift);
            var s = row.At(layout.ScoreColumn + shift);
            Doubt(new ReadingDoubt
            {
                Reason = DoubtReason.ShiftedCells, Block = FormBlock.Indicators, Row = row.Source, RowLabel = rowLabel,
                Text = string.Join(" ", new[] { w, s }.Where(t => t.Length > 0)),
            });
        }
        else if (layout.WeightColumn >= 0 && layout.ScoreColumn >= 0 && indicator.Weight is not null && indicator.StatedScore is null
                 && row.At(layout.ScoreColumn + shift).Length == 0 && !row.IsCoveredFromAbove(layout.ScoreColumn + shift))
        {
            Doubt(new ReadingDoubt
            {
                Reason = DoubtReason.MissingValue, Block = FormBlock.Indicators, Row = row.Source, Cells = [CellRole.Score], RowLabel = rowLabel,
            });
        }
        // A sub-row's blank points: whether it counts in the weights beside the row it details is not printed, so no
        // sum or blank-cell check waits on it.
        if (subRow)
            Doubt(new ReadingDoubt
            {
                Reason = DoubtReason.MissingValue, Block = FormBlock.Indicators, Row = row.Source, Cells = [CellRole.Weight, CellRole.Score],
                RowLabel = rowLabel,
            });
        // A 分值 printed only as the name's suffix ("在职人员控制率（3分）").
        indicator.Weight ??= name?.Weight;

        var hasValues = indicator.Name is not null || indicator.Target is not null || indicator.Actual is not null || indicator.Weight is not null
                        || indicator.StatedScore is not null || l2 is not null;
        if (hasValues && IsTemplatePlaceholder(indicator, row.Uncertain ?? []))
        {
            // The row is left out; its name cell is the doubt, so no sum over weights or scores waits for it.
            Doubt(new ReadingDoubt
            {
                Reason = DoubtReason.PlaceholderRow, Block = FormBlock.Indicators, Row = row.Source, Cells = [CellRole.Name], Text = indicator.Name ?? indicator.Target,
            });
            return;
        }
        // On a scoring sheet every item has a name (评价内容); points without one are a wrapped cell's remainder or a heading
        // read as a row, and nothing is summed over them until a person has looked.
        if (hasValues && Form.Kind.IsScoringSheet() && indicator.Name is null && (indicator.Weight is not null || indicator.StatedScore is not null))
            Doubt(new ReadingDoubt
            {
                Reason = DoubtReason.ShiftedCells, Block = FormBlock.Indicators, Row = row.Source, Cells = [CellRole.Name, CellRole.Weight, CellRole.Score],
                RowLabel = rowLabel, Text = string.Join(" ", row.Text.Where(t => t.Length > 0)),
            });
        if (hasValues) Form.Indicators.Add(indicator);
    }

    /// <summary>Whether the row's cell under the column of <paramref name="role"/> prints a dash (a cell left blank on purpose).</summary>
    private static bool IsDashAt(SourceRow row, IndicatorLayout layout, IndicatorColumn role, int shift)
    {
        for (var c = 0; c < layout.Width; c++)
            if (layout.RoleAt(c) == role)
                return row.At(c + shift) is { Length: > 0 } text && TextNorm.IsPlaceholder(text);
        return false;
    }

    /// <summary>
    /// A row a blank template left in place (指标1, ……, a target of "≥**人" without a name) and nobody filled: no actual
    /// and no stated score. A lone cell whose column the reading could not tell (<paramref name="unplaced"/>: the one text
    /// after 指标1 on a spaced line, as likely its 指标解释 or its target as its actual) proves no actual was filled.
    /// </summary>
    private bool IsTemplatePlaceholder(IndicatorRow r, IReadOnlyList<CellRole> unplaced) =>
        (r.Actual is null || (r.Target is null && unplaced.Contains(CellRole.Actual))) && r.StatedScore is null
        && ((_words.IsPlaceholderName(r.Name) && !FilledDespiteHint(r)) || (r.Name is null && _words.IsPlaceholderName(r.Target)));

    /// <summary>
    /// The unit kept the template's hint in the name ("服务对象满意度(≥**%)") but wrote its own target with a figure: the
    /// row was filled, and is read.
    /// </summary>
    private bool FilledDespiteHint(IndicatorRow r) =>
        _words.IsNamedDespiteHint(r.Name) && r.Target is { } target && !_words.IsPlaceholderName(target) && target.Any(char.IsAsciiDigit);

    /// <summary>
    /// A comparator and a measure unit printed in columns of their own (指标性质 "≥", 度量单位 "%") belong to the target
    /// ("≥" + "95" + "%" → "≥95%"); a bare number in the actual takes the unit too. The parts stay in Extra as printed.
    /// </summary>
    private static void CombineTarget(IndicatorRow r)
    {
        // Layouts differ in which column holds the sign: 指标性质 in one province, 指标方向 (beside 正向/反向) in another.
        var comparator = new[] { r.Extra.GetValueOrDefault("comparator"), r.Extra.GetValueOrDefault("direction") }
            .FirstOrDefault(c => c is not null && IsComparator(c));
        var unit = r.Extra.GetValueOrDefault("measureUnit");
        // A unit column holding a number (a date serial repeated by a spreadsheet) is no unit.
        if (unit is not null && TextNorm.IsAmount(unit)) unit = null;
        if (r.Target is { } target && !TextNorm.IsPlaceholder(target))
        {
            var t = target.Trim();
            if (comparator is not null && !StartsWithComparator(t)) t = comparator.Trim() + t;
            if (unit is not null && !TextNorm.IsPlaceholder(unit) && EndsWithNumber(t)) t += unit.Trim();
            r.Target = t;
        }
        if (r.Actual is { } actual && unit is not null && !TextNorm.IsPlaceholder(unit) && TextNorm.IsAmount(actual)) r.Actual = actual.Trim() + unit.Trim();
    }

    /// <summary>
    /// A name alone in the name column under tree cells merged from the rows above (a 二级 spanning two items, the second
    /// item's values left blank): a row of its own, not a piece of the row above.
    /// </summary>
    private static bool UnderMergedTreeCells(SourceRow row, IndicatorLayout layout, int column)
    {
        if (layout.RoleAt(column) != IndicatorColumn.Name || row.Covered is null) return false;
        var merged = false;
        for (var c = 0; c < column; c++)
        {
            if (layout.RoleAt(c) is not (IndicatorColumn.Level1 or IndicatorColumn.Level2)) continue;
            if (!row.IsCoveredFromAbove(c)) return false;
            merged = true;
        }
        return merged;
    }

    private static bool IsComparator(string text)
    {
        var t = text.Trim();
        return t.Length is > 0 and <= 2 && t.All(ch => ch is '≥' or '≧' or '>' or '=' or '═' or '≤' or '≦' or '<' or '＞' or '＜' or '＝' or '⩾' or '⩽');
    }

    private static bool StartsWithComparator(string text) => text.Length > 0 && IsComparator(text[..1]);

    private static bool EndsWithNumber(string text) => text.Length > 0 && (char.IsAsciiDigit(text[^1]) || text[^1] is >= '０' and <= '９');

    private bool TryTotalRow(SourceRow row)
    {
        var seen = 0;
        for (var c = 0; c < row.Width && seen < 3; c++)
        {
            if (row.Text[c].Length == 0) continue;
            seen++;
            if (!_words.IsTotalLabel(row.Keys[c])) continue;
            var numbers = new List<decimal>(2);
            for (var v = c + 1; v < row.Width; v++)
                if (_words.TryScore(row.Text[v], out var n)) numbers.Add(n);
            // A table without a 得分 column (a targets table) can only total its 分值.
            if (numbers.Count == 1 && _layout is { WeightColumn: >= 0, ScoreColumn: < 0 }) Form.StatedWeightTotal = numbers[0];
            else if (numbers.Count == 1) Form.StatedTotal = numbers[0];
            else if (numbers.Count >= 2)
            {
                Form.StatedWeightTotal = numbers[0];
                Form.StatedTotal = numbers[1];
            }
            _sawTotal = true;
            _section = Section.End;
            return true;
        }
        return false;
    }

    /// <summary>
    /// A sub-row (其中…) printed without the 分值 and 得分 cells, under a header whose 分值 stands right before 年度指标值 and
    /// 全年实际值: the name, then two quantities in one measure unit where the points belong ("1.5亩 | 1.5亩"). No points
    /// cell holds such a value, so the two are the row's target and actual, one column to the left of where they stand.
    /// </summary>
    private int? SubRowWithoutPoints(SourceRow row, IndicatorLayout layout)
    {
        var w = layout.WeightColumn;
        if (w != layout.TargetColumn || layout.RoleAt(w + 1) != IndicatorColumn.Target || layout.RoleAt(w + 2) != IndicatorColumn.Actual) return null;
        // The row is its name and the two values, nothing else: where the name stands places the values.
        var name = row.FirstNonEmpty;
        if (name < 0 || row.NonEmptyCount != 3 || _words.Classify(row.Keys[name]) != TreeWord.Text) return null;
        var target = row.At(name + 1);
        var actual = row.At(name + 2);
        if (target.Length == 0 || actual.Length == 0 || Plausible(target) || Plausible(actual)) return null;
        var t = Jixiao.Core.Notation.IndicatorValue.Parse(target);
        var a = Jixiao.Core.Notation.IndicatorValue.Parse(actual);
        return t.IsQuantitative && a.IsQuantitative && t.Unit is { Length: > 0 } unit && unit == a.Unit ? name - w : null;
    }

    private bool BothPointsBlankInPlace(SourceRow row, IndicatorLayout layout)
    {
        int w = layout.WeightColumn, s = layout.ScoreColumn;
        if (Math.Max(w, s) >= row.Width || row.At(w).Length > 0 || row.At(s).Length > 0 || row.IsCoveredFromAbove(w) || row.IsCoveredFromAbove(s)) return false;
        if (TreeCellsMergedFromAbove(row, layout)) return true;
        if (layout.Level2Column < 1 || !Level2Word(row.At(layout.Level2Column))) return false;
        return _words.Classify(TextNorm.Key(_words.SplitWeight(row.At(layout.Level2Column - 1)).Name)) is TreeWord.Level1 or TreeWord.Either;
    }

    /// <summary>
    /// A row of a grid whose cells left of the name are all covered by tree cells merged from the rows above, its name in
    /// the name column: the merges hold it under its header, so nothing moved, and a figure in a text cell (a standard's
    /// "①" a PDF font prints as "1") is not taken for the points of a row shifted left.
    /// </summary>
    private static bool TreeCellsMergedFromAbove(SourceRow row, IndicatorLayout layout)
    {
        var name = -1;
        for (var c = 0; c < layout.Width; c++)
            if (layout.RoleAt(c) == IndicatorColumn.Name) { name = c; break; }
        if (name < 1 || name >= row.Width || row.Text[name].Length == 0 || TextNorm.IsAmount(row.Text[name])) return false;
        for (var c = 0; c < name; c++)
            if (!row.IsCoveredFromAbove(c)) return false;
        return true;
    }

    private bool Plausible(string text) => _words.TryScore(text, out var v) && v >= 0m && v <= 100m;

    /// <summary>
    /// A row standing under its header with its one points cell printed blank ("种苗(≥株) | 20 | 20 | "): the name in the
    /// name column, the target and actual filled in theirs, the points cell there and empty. Nothing moved, so the actual
    /// next to the blank is not taken for the points of a row shifted left.
    /// </summary>
    private bool BlankPointsInPlace(SourceRow row, IndicatorLayout layout, int points)
    {
        if (points >= row.Width || row.Text[points].Length > 0 || row.IsCoveredFromAbove(points) || layout.TargetColumn < 0) return false;
        var name = -1;
        for (var c = 0; c < layout.Width; c++)
            if (layout.RoleAt(c) == IndicatorColumn.Name) name = c;
        if (name < 0 || row.At(name).Length == 0 || Plausible(row.At(name))) return false;
        // Left of the name only tree words without points (a 二级 printed with its points may span the name column and
        // push the row right); from the name to the blank every cell filled, and nothing right of it: no cell went missing.
        for (var c = 0; c < name; c++)
        {
            if (row.Text[c].Length == 0) continue;
            var (word, weight) = _words.SplitWeight(row.Text[c]);
            if (weight is not null || _words.Classify(TextNorm.Key(word)) == TreeWord.Text) return false;
        }
        if (name > layout.TargetColumn || layout.TargetColumn >= points) return false;
        for (var c = name + 1; c < points; c++)
            if (row.At(c).Length == 0) return false;
        for (var c = points + 1; c < row.Width; c++)
            if (row.Text[c].Length > 0) return false;
        return true;
    }

    /// <summary>
    /// How far this row's cells sit from the header's columns. Converted PDFs drop empty cells and page breaks push
    /// cells sideways, so the row is anchored on its 分值/得分 pair (numbers of at most 100, side by side), then on a
    /// lone 分值 or 得分, then on its 二级 name. False when no anchor holds: the numbers are not read.
    /// </summary>
    private (int Shift, bool NumbersCertain) FindShift(SourceRow row, IndicatorLayout layout)
    {
        int w = layout.WeightColumn, s = layout.ScoreColumn;
        if (w >= 0 && s >= 0)
        {
            // Tree words in place and both points cells there and blank (a last row the excerpt left unfilled): nothing moved.
            if (BothPointsBlankInPlace(row, layout)) return (0, true);
            // Number columns of their own right of the pair (得分系数 after 得分) make the rightmost pair of numbers: the
            // pair is then the first of a run of as many numbers as the header has columns there.
            var trailing = NumberColumnsRightOf(layout, Math.Max(w, s));
            if (trailing > 0 && Math.Abs(w - s) == 1)
            {
                var low = Math.Min(w, s);
                for (var j = row.Width - 2 - trailing; j >= 0; j--)
                    if (Math.Abs(j - low) <= 3 && Enumerable.Range(j, 2 + trailing).All(x => Plausible(row.Text[x]))) return (j - low, true);
            }
            // Two numbers side by side are the pair only where the header prints them side by side: with columns between
            // them (分值 | 全年完成值 | 评分标准 | 得分 | 得分系数) the rightmost two are the score and its coefficient.
            if (Math.Abs(w - s) == 1)
                for (var j = row.Width - 2; j >= 0; j--)
                    if (Math.Abs(j - w) <= 3 && Plausible(row.Text[j]) && Plausible(row.Text[j + 1])) return (j - w, true);
            // A score "left blank" past the row's last cell is no cell at all: a shift that finds both numbers comes first.
            foreach (var candidate in Candidates())
            {
                var weight = row.At(w + candidate);
                var score = row.At(s + candidate);
                if (Plausible(weight) && (Plausible(score) || score.Length == 0 && s + candidate < row.Width)) return (candidate, true);
            }
            foreach (var candidate in Candidates())
            {
                var weight = row.At(w + candidate);
                var score = row.At(s + candidate);
                if (Plausible(weight) && (score.Length == 0 || Plausible(score))) return (candidate, true);
            }
            foreach (var candidate in Candidates())
                if (row.At(w + candidate).Length == 0 && Plausible(row.At(s + candidate))) return (candidate, true);
            if (SubRowWithoutPoints(row, layout) is { } sub) return (sub, true);
            var anchor = Level2Anchor(row, layout) ?? _previousShift;
            var empty = row.At(w + anchor).Length == 0 && row.At(s + anchor).Length == 0;
            return (anchor, empty);
        }
        if (s >= 0 || w >= 0)
        {
            var only = s >= 0 ? s : w;
            if (BlankPointsInPlace(row, layout, only)) return (0, true);
            for (var j = row.Width - 1; j >= 0; j--)
                if (Math.Abs(j - only) <= 3 && Plausible(row.Text[j]) && j >= layout.TargetColumn - 3) return (j - only, true);
            var anchor = Level2Anchor(row, layout) ?? _previousShift;
            return (anchor, row.At(only + anchor).Length == 0);
        }
        if (layout.LikelihoodColumn >= 0 && LikelihoodAnchor(row) is { } likely) return (likely - layout.LikelihoodColumn, true);
        return (Level2Anchor(row, layout) ?? PackedLeft(row, layout) ?? 0, true);
    }

    /// <summary>
    /// A row of a table without points whose cells merged from the rows above left no trace (a converted pipe table whose
    /// rows already stand left of the header:
    /// "补贴期限 | 2020.1.1-2020.12.31"): its first cell is no tree word and stands left of the name column, the cells
    /// after it are side by side and no more than the value columns. The first cell is the name, the rest the values
    /// from the first value column on. Null for any other row.
    /// </summary>
    private int? PackedLeft(SourceRow row, IndicatorLayout layout)
    {
        var first = row.FirstNonEmpty;
        if (first < 0 || first + 1 >= layout.TargetColumn || _words.Classify(TextNorm.Key(_words.SplitWeight(row.Text[first]).Name)) != TreeWord.Text) return null;
        // Only in a table whose rows already stand left of their header (the converter dropped the cells merged from
        // above); a note under the table (说明 | 无) is no row.
        if (_previousShift >= 0 || _words.IsNote(row.Keys[first]) || _words.IsTotalLabel(row.Keys[first])) return null;
        var count = row.NonEmptyCount;
        if (count < 2 || count - 1 > layout.Width - layout.TargetColumn) return null;
        for (var c = first; c < first + count; c++)
            if (row.At(c).Length == 0) return null;
        return first + 1 - layout.TargetColumn;
    }

    /// <summary>How many columns right after <paramref name="column"/> hold numbers of their own (得分系数, 复核分).</summary>
    private int NumberColumnsRightOf(IndicatorLayout layout, int column)
    {
        var count = 0;
        for (var c = column + 1; c < layout.Width; c++, count++)
            if (!(layout.RoleAt(c) == IndicatorColumn.Extra && layout.RoleIdAt(c) is { } id
                  && _words.Lexicon.Role("indicators", id)?.Type is RoleType.Number or RoleType.Score or RoleType.Weight))
                break;
        return count;
    }

    /// <summary>
    /// On a scoring sheet whose header names one tree column and a 分值, the cell near the 分值 column that holds a name
    /// with its points in brackets; null when the row has none.
    /// </summary>
    private int? NameWithPointsColumn(SourceRow row, IndicatorLayout layout)
    {
        if (!Form.Kind.IsScoringSheet() || layout.WeightColumn < 0 || layout.HasNameColumn || layout.Level2Column >= 0) return null;
        var w = layout.WeightColumn;
        for (var j = Math.Max(0, w - 3); j < row.Width && j <= w + 3; j++)
        {
            if (row.Text[j].Length == 0) continue;
            var (word, weight) = _words.SplitWeight(row.Text[j]);
            if (weight is not null && word.Length > 0 && _words.Classify(TextNorm.Key(word)) == TreeWord.Text) return j;
        }
        return null;
    }

    /// <summary>The likelihood a 完成目标可能性 cell states in words (确定能, 有可能, 不可能), as the lexicon names its boxes.</summary>
    private CompletionLikelihood? LikelihoodWord(string text) => _words.IndicatorColumnOf(TextNorm.Key(text)).Column switch
    {
        IndicatorColumn.LikelyCertain => CompletionLikelihood.Certain,
        IndicatorColumn.LikelyPossible => CompletionLikelihood.Possible,
        IndicatorColumn.LikelyImpossible => CompletionLikelihood.Impossible,
        _ => null,
    };

    /// <summary>
    /// The cell holding the likelihood word: three words no other cell of a row consists of, so where merged cells
    /// dropped out of a converted row (the Hubei table prints 4, 5 or 6 cells under a 7-column header) it places the row.
    /// </summary>
    private int? LikelihoodAnchor(SourceRow row)
    {
        for (var j = row.Width - 1; j > 0; j--)
            if (row.Text[j].Length > 0 && LikelihoodWord(row.Text[j]) is not null) return j;
        return null;
    }

    /// <summary>
    /// A row across the whole table under the indicators (偏差或不能完成目标原因分析, 相关建议或举措 in the Hubei monitoring
    /// table, which has no reason column of its own): its label is a header word of a text column, and what follows it
    /// explains every row. Kept in the form's Extra under the column's role id; a blank one is no row and no fragment.
    /// </summary>
    private bool TryTableWideText(SourceRow row, int first)
    {
        if (first != 0 || Form.Indicators.Count == 0 || _layout!.Has(IndicatorColumn.Explanation)) return false;
        var (role, lexical) = _words.IndicatorColumnOf(row.Keys[0]);
        if (role is not (IndicatorColumn.Explanation or IndicatorColumn.Improvement) || lexical is null) return false;
        var text = FormRecognizer.JoinNonEmpty(row, 1);
        if (!string.IsNullOrWhiteSpace(text)) Form.Extra[lexical.Id] = text;
        return true;
    }

    private IEnumerable<int> Candidates()
    {
        yield return _previousShift;
        foreach (var c in ShiftCandidates)
            if (c != _previousShift) yield return c;
    }

    private int? Level2Anchor(SourceRow row, IndicatorLayout layout)
    {
        if (layout.Level2Column < 0) return null;
        // A 二级 word under the 二级 header holds the row in place, even when the 一级 cell holds a word of the same
        // kind (项目完成指标 over 数量指标).
        if (Level2Word(row.At(layout.Level2Column)) && row.At(layout.Level2Column - 1).Length > 0) return 0;
        for (var c = 0; c < row.Width && c < layout.TargetColumn + 3; c++)
        {
            if (row.Text[c].Length == 0) continue;
            var (word, _) = _words.SplitWeight(row.Text[c]);
            var kind = _words.Classify(TextNorm.Key(word));
            // A word that is 一级 or 二级 by year (成本指标) heads a 一级 block only with a 二级 word after it; followed by a
            // name it is the row's 二级.
            if (kind == TreeWord.Either && !FollowedByName(row, c)) continue;
            if (kind is not (TreeWord.Level2 or TreeWord.Either)) continue;
            // Two tree columns and no 三级: the 一级 column shows the 二级 words and the 二级 column the names, with the
            // values in place under their headers.
            if (!layout.HasNameColumn && c == layout.Level2Column - 1 && row.At(layout.Level2Column).Length > 0) return 0;
            return c - layout.Level2Column;
        }
        return null;
    }

    private bool FollowedByName(SourceRow row, int column)
    {
        for (var c = column + 1; c < row.Width; c++)
        {
            if (row.Text[c].Length == 0) continue;
            return !TextNorm.TryAmount(row.Text[c], out _) && _words.Classify(TextNorm.Key(_words.SplitWeight(row.Text[c]).Name)) == TreeWord.Text;
        }
        return false;
    }

    private bool Level2Word(string text) =>
        text.Length > 0 && _words.Classify(TextNorm.Key(_words.SplitWeight(text).Name)) is TreeWord.Level2 or TreeWord.Either;

    /// <summary>Places the tree cells by the header's columns when every cell fits the word printed there.</summary>
    private static bool AssignByPosition(List<TreeItem> items, IndicatorLayout layout, int shift, bool scoringSheet,
        ref TreeItem? l1, ref TreeItem? l2, ref TreeItem? name, ref TreeItem? content, ref bool garbled)
    {
        TreeItem? a = null, b = null, n = null, t = null;
        var g = false;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var role = layout.RoleAt(item.Column - shift);
            switch (role)
            {
                case IndicatorColumn.Level1 when item.Kind is TreeWord.Level1 or TreeWord.Either:
                    a = item;
                    break;
                // A scoring sheet's sections are its own (水稻种植情况（40分）): under the 一级 header with points, a section.
                case IndicatorColumn.Level1 when scoringSheet && item.Kind == TreeWord.Text && item.Weight is not null:
                    a = item;
                    break;
                // Under a weight word heading the 一级 column, a word with its points is a section whatever it ends in (项目管理 13 分).
                case IndicatorColumn.Level1 when layout.SectionsWithPoints && item.Weight is not null:
                    a = item;
                    break;
                case IndicatorColumn.Level1 when item.Kind == TreeWord.Level2 && i + 1 < items.Count && items[i + 1].Kind is TreeWord.Level2 or TreeWord.Either
                                                 && layout.RoleAt(items[i + 1].Column - shift) == IndicatorColumn.Level2:
                    a = item;
                    g = true;
                    break;
                case IndicatorColumn.Level2 when item.Kind is TreeWord.Level2 or TreeWord.Either || (item.Kind == TreeWord.Text && item.Weight is not null):
                    b = item;
                    break;
                // Under a scoring sheet's 二级 header, beside a 三级 column of its own, any word is the point assessed (筹资方式),
                // even one that heads other trees (预算管理 under 过程).
                case IndicatorColumn.Level2 when scoringSheet && layout.HasNameColumn && item.Kind is TreeWord.Text or TreeWord.Level1:
                    b = item;
                    break;
                // Beside sections with their points, the items are whatever they end in (资金管理 is an item there).
                case IndicatorColumn.Name when item.Kind == TreeWord.Text || (item.Kind is TreeWord.Level2 or TreeWord.Either && b is not null)
                                               || (layout.SectionsWithPoints && item.Weight is null):
                    n = item;
                    break;
                case IndicatorColumn.Content when item.Kind == TreeWord.Text || b is not null:
                    t = item;
                    break;
                default:
                    return false;
            }
        }
        (l1, l2, name, content, garbled) = (a, b, n, t, g);
        return true;
    }

    /// <summary>When cells do not sit under their headers: the words in their printed order, by what they are.</summary>
    private static void AssignInOrder(List<TreeItem> items, ref TreeItem? l1, ref TreeItem? l2, ref TreeItem? name, ref TreeItem? content,
        ref bool garbled, List<string> extras)
    {
        l1 = l2 = name = content = null;
        garbled = false;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var next = i + 1 < items.Count ? items[i + 1].Kind : TreeWord.Text;
            var nothingYet = l1 is null && l2 is null && name is null;
            if (nothingYet && (item.Kind == TreeWord.Level1 || (item.Kind == TreeWord.Either && next is TreeWord.Level2 or TreeWord.Either)))
                l1 = item;
            else if (nothingYet && item.Kind == TreeWord.Level2 && next == TreeWord.Level2 && items[i + 1].Key != item.Key)
            {
                l1 = item;
                garbled = true;
            }
            else if (l2 is null && name is null && item.Kind is TreeWord.Level2 or TreeWord.Either)
                l2 = item;
            else if (name is null)
                name = item;
            else if (item.Key == name.Value.Key)
                continue;
            else if (content is null)
                content = item;
            else
                extras.Add(item.Text);
        }
    }
}
