namespace Jixiao.Documents.Recognition;

/// <summary>
/// The columns of an indicator block, from its header row and, on monitoring tables, the sub-header of cause boxes and
/// likelihoods. A header row printed with merged cells has fewer cells than its data rows: what the sub-header names
/// wins, and the main header's words it displaces move to the unclaimed columns at the right (备注).
/// </summary>
internal sealed class IndicatorLayout
{
    private IndicatorColumn[] _roles;
    private string?[] _ids;

    private IndicatorLayout(IndicatorColumn[] roles, string?[] ids)
    {
        _roles = roles;
        _ids = ids;
        Recompute();
    }

    public int TargetColumn { get; private set; } = -1;

    public int WeightColumn { get; private set; } = -1;

    public int ScoreColumn { get; private set; } = -1;

    public int Level2Column { get; private set; } = -1;

    /// <summary>
    /// A 完成目标可能性 column no sub-header split into tick boxes (the Hubei monitoring table): each row writes its word
    /// (确定能, 有可能, 不可能) in it. -1 when the table has none or ticks its likelihood in boxes.
    /// </summary>
    public int LikelihoodColumn { get; private set; } = -1;

    /// <summary>Whether the header names a 三级 (name) column; without one, the last tree column holds the names.</summary>
    public bool HasNameColumn { get; private set; }

    public bool HasContent { get; private set; }

    /// <summary>The weight column has no header word, only the section's points: its numbers are weight and score at once, in doubt.</summary>
    public bool UnlabelledPoints { get; private init; }

    /// <summary>The 一级 column was headed with a weight word: its cells are sections with their points ("项目决策 2 分").</summary>
    public bool SectionsWithPoints { get; private init; }

    public int Width => _roles.Length;

    public bool Has(IndicatorColumn role) => Array.IndexOf(_roles, role) >= 0;

    public IndicatorColumn RoleAt(int column) => column >= 0 && column < _roles.Length ? _roles[column] : IndicatorColumn.None;

    /// <summary>The lexicon role id of a column (for <see cref="IndicatorColumn.Extra"/> columns the key of the row's Extra).</summary>
    public string? RoleIdAt(int column) => column >= 0 && column < _ids.Length ? _ids[column] : null;

    /// <summary>The role ids the header named, for choosing the template.</summary>
    public IEnumerable<string> RoleIds => _ids.Where(i => i is not null)!;

    /// <summary>The header of an indicator block: a tree column (一级/二级/三级, 指标类别/指标名称) and at least three known columns.</summary>
    public static IndicatorLayout? TryHeader(Vocabulary words, SourceRow row)
    {
        if (row.NonEmptyCount < 3) return null;
        var roles = new IndicatorColumn[row.Width];
        var ids = new string?[row.Width];
        var core = 0;
        var hasTree = false;
        for (var c = 0; c < row.Width; c++)
        {
            if (row.Keys[c].Length == 0) continue;
            var (role, lexical) = words.IndicatorColumnOf(row.Keys[c]);
            // A weight right after 一级指标 is the 一级 weight (Hunan department-wide layout), when the tree goes on to the
            // right; after the only tree column (评价指标 | 分值 | 评价标准) it is the items' own.
            if (role == IndicatorColumn.Weight && c > 0 && roles[c - 1] == IndicatorColumn.Level1 && TreeColumnAfter(words, row, c))
            {
                role = IndicatorColumn.Level1Weight;
                lexical = words.Lexicon.Role("indicators", "level1Weight") ?? lexical;
            }
            // Two 指标类别 columns side by side: the first is the 一级, the second the 二级.
            if (role == IndicatorColumn.Level1 && c > 0 && roles[c - 1] == IndicatorColumn.Level1)
            {
                role = IndicatorColumn.Level2;
                lexical = words.Lexicon.Role("indicators", "level2") ?? lexical;
            }
            roles[c] = role;
            ids[c] = lexical?.Id;
            if (role is IndicatorColumn.Level1 or IndicatorColumn.Level2 or IndicatorColumn.Name) { core++; hasTree = true; }
            else if (role is IndicatorColumn.Target or IndicatorColumn.Actual or IndicatorColumn.Weight or IndicatorColumn.Score) core++;
            // A rubric's 评分标准 is what its rows are: with a tree column and a weight it makes a header.
            else if (lexical?.Id == "scoringStandard") core++;
        }
        if (!(core >= 3 && hasTree)) return null;
        var sections = SectionsInAWeightColumn(words, roles, ids);
        // A section label ending in a value word (年度绩效指标完成情况) left of the tree columns labels the block; it is
        // not an 实际完成值 column.
        for (var c = 0; c < roles.Length && roles[c] is not (IndicatorColumn.Level1 or IndicatorColumn.Level2 or IndicatorColumn.Name); c++)
        {
            if (!IsRightPart(roles[c])) continue;
            roles[c] = IndicatorColumn.Label;
            ids[c] = null;
        }
        // No 分值/得分 words, and a bare number (the section's points, "50") right of the values where they would stand:
        // the rows print one unlabelled number there, read as both the weight and the score under a doubt.
        var unlabelled = false;
        if (Array.IndexOf(roles, IndicatorColumn.Target) >= 0
            && !roles.Any(r => r is IndicatorColumn.Weight or IndicatorColumn.Score or IndicatorColumn.Level1Weight))
        {
            var last = Array.FindLastIndex(roles, IsRightPart);
            for (var c = last + 1; c < roles.Length; c++)
            {
                if (row.Keys[c].Length == 0) continue;
                if (roles[c] == IndicatorColumn.None && TextNorm.TryAmount(row.Text[c], out var points) && points is > 0m and <= 100m
                    && points == decimal.Truncate(points))
                {
                    roles[c] = IndicatorColumn.Weight;
                    ids[c] = "weight";
                    unlabelled = true;
                }
                break;
            }
        }
        return new IndicatorLayout(roles, ids) { UnlabelledPoints = unlabelled, SectionsWithPoints = sections };
    }

    /// <summary>
    /// A rubric that heads its first column with a weight word (项目权重 | 评价内容 | 分值 | 自评分 …) prints there its
    /// sections with their points ("项目决策 2 分"), and the items' own 分值 further right: a weight column standing before
    /// every tree column, with another after them, is the 一级 column. The one tree column after it then holds the items.
    /// </summary>
    private static bool SectionsInAWeightColumn(Vocabulary words, IndicatorColumn[] roles, string?[] ids)
    {
        static bool IsTree(IndicatorColumn r) => r is IndicatorColumn.Level1 or IndicatorColumn.Level2 or IndicatorColumn.Name;
        var firstTree = Array.FindIndex(roles, IsTree);
        var sections = Array.FindIndex(roles, r => r != IndicatorColumn.None);
        if (firstTree < 0 || sections < 0 || sections >= firstTree || roles[sections] != IndicatorColumn.Weight) return false;
        if (Array.FindIndex(roles, firstTree, r => r == IndicatorColumn.Weight) < 0) return false;
        roles[sections] = IndicatorColumn.Level1;
        ids[sections] = words.Lexicon.Role("indicators", "level1")?.Id ?? "level1";
        var trees = Enumerable.Range(firstTree, roles.Length - firstTree).Where(c => IsTree(roles[c])).ToList();
        if (trees.Count == 1 && roles[trees[0]] == IndicatorColumn.Level1)
        {
            roles[trees[0]] = IndicatorColumn.Name;
            ids[trees[0]] = words.Lexicon.Role("indicators", "name")?.Id ?? "name";
        }
        return true;
    }

    private static bool TreeColumnAfter(Vocabulary words, SourceRow row, int column)
    {
        for (var c = column + 1; c < row.Width; c++)
            if (row.Keys[c].Length > 0 && words.IndicatorColumnOf(row.Keys[c]).Column is IndicatorColumn.Level1 or IndicatorColumn.Level2 or IndicatorColumn.Name)
                return true;
        return false;
    }

    /// <summary>
    /// The rest of a header a converter broke over lines ("… | 指标值 |", then "半年度 指标执行情况 |", then
    /// "完成目标可能性 | 备注 |"): a row of header words only, from its first column, none a tree column or a tick box
    /// (those make a sub-header) and none the header already has. Its columns follow the header's.
    /// </summary>
    public bool TryAppendHeaderRow(Vocabulary words, SourceRow row)
    {
        if (row.NonEmptyCount == 0 || row.FirstNonEmpty != 0) return false;
        var roles = new List<(IndicatorColumn Role, string? Id)>();
        for (var c = 0; c < row.Width; c++)
        {
            if (row.Keys[c].Length == 0)
            {
                // Only the empty cells a closing "|" leaves at the end.
                if (row.Text.Skip(c).Any(t => t.Length > 0)) return false;
                break;
            }
            var (role, lexical) = words.IndicatorColumnOf(row.Keys[c]);
            if (role is IndicatorColumn.None or IndicatorColumn.Label or IndicatorColumn.Level1 or IndicatorColumn.Level1Weight
                or IndicatorColumn.Level2 or IndicatorColumn.Name or (>= IndicatorColumn.CauseFunding and <= IndicatorColumn.LikelyImpossible))
                return false;
            if (Array.IndexOf(_roles, role) >= 0 && role != IndicatorColumn.Extra) return false;
            roles.Add((role, lexical?.Id));
        }
        var width = _roles.Length;
        while (width > 0 && _roles[width - 1] == IndicatorColumn.None) width--;
        _roles = [.. _roles.Take(width), .. roles.Select(r => r.Role)];
        _ids = [.. _ids.Take(width), .. roles.Select(r => r.Id)];
        Recompute();
        return true;
    }

    /// <summary>
    /// The second row of a two-row header: a parent word printed over several value columns (绩效指标值 over 年度指标值 |
    /// 实际完成值), named one by one below it. The parent's column and the empty columns its merge covers take the roles
    /// of the second row; where a converter dropped those empty cells, columns are inserted. The second row stands under
    /// its parent, or from the first column where a converter dropped its leading empty cells.
    /// </summary>
    public bool TrySplitParentHeader(Vocabulary words, SourceRow row)
    {
        if (row.NonEmptyCount < 2) return false;
        var sub = new List<(IndicatorColumn Role, string? Id)>();
        var start = -1;
        for (var c = 0; c < row.Width; c++)
        {
            if (row.Keys[c].Length == 0)
            {
                // The named columns stand side by side.
                if (start >= 0 && row.Text.Skip(c).Any(t => t.Length > 0)) return false;
                continue;
            }
            var (role, lexical) = words.IndicatorColumnOf(row.Keys[c]);
            if (!IsRightPart(role) || role == IndicatorColumn.Extra || sub.Any(x => x.Role == role)) return false;
            if (start < 0) start = c;
            sub.Add((role, lexical?.Id));
        }
        var parent = Array.FindIndex(_roles, r => sub.Any(x => x.Role == r));
        if (parent < 0 || !(start == parent || start == 0)) return false;
        // A column the header already names elsewhere is no part of the parent: this is no second header row.
        for (var c = 0; c < _roles.Length; c++)
            if (c != parent && sub.Any(x => x.Role == _roles[c])) return false;
        var span = 1;
        while (span < sub.Count && parent + span < _roles.Length && _roles[parent + span] == IndicatorColumn.None) span++;
        _roles = [.. _roles.Take(parent), .. sub.Select(x => x.Role), .. _roles.Skip(parent + span)];
        _ids = [.. _ids.Take(parent), .. sub.Select(x => x.Id), .. _ids.Skip(parent + span)];
        Recompute();
        return true;
    }

    /// <summary>Merges the sub-header of a monitoring table (经费保障 … 其他保障, 原因说明, 确定能 …) when this row is one.</summary>
    public bool TryMergeSubHeader(Vocabulary words, SourceRow row)
    {
        var sub = new IndicatorColumn[row.Width];
        var subIds = new string?[row.Width];
        var found = 0;
        for (var c = 0; c < row.Width; c++)
        {
            var (role, lexical) = words.IndicatorColumnOf(row.Keys[c]);
            // A data row holds words no header has (its indicator's name); a likelihood word and a reason in it are values.
            if (role == IndicatorColumn.None && row.Keys[c].Length > 0) return false;
            if (role is >= IndicatorColumn.CauseFunding and <= IndicatorColumn.LikelyImpossible or IndicatorColumn.Explanation or IndicatorColumn.Remark)
            {
                sub[c] = role;
                subIds[c] = lexical?.Id;
                found++;
            }
        }
        if (found < 2) return false;

        var width = Math.Max(_roles.Length, row.Width);
        var merged = new IndicatorColumn[width];
        var mergedIds = new string?[width];
        var displaced = new List<(IndicatorColumn Role, string? Id)>();
        for (var c = 0; c < width; c++)
        {
            var main = c < _roles.Length ? _roles[c] : IndicatorColumn.None;
            var mainId = c < _ids.Length ? _ids[c] : null;
            var below = c < sub.Length ? sub[c] : IndicatorColumn.None;
            if (below != IndicatorColumn.None)
            {
                merged[c] = below;
                mergedIds[c] = subIds[c];
                if (main is not (IndicatorColumn.None or IndicatorColumn.Group or IndicatorColumn.Explanation) && Array.IndexOf(sub, main) < 0) displaced.Add((main, mainId));
            }
            else
            {
                merged[c] = main == IndicatorColumn.Group ? IndicatorColumn.None : main;
                mergedIds[c] = main == IndicatorColumn.Group ? null : mainId;
            }
        }
        // Words the spans pushed out (备注) belong to the last free columns, in their order.
        for (int d = displaced.Count - 1, c = width - 1; d >= 0 && c >= 0; c--)
        {
            if (merged[c] != IndicatorColumn.None || (c < sub.Length && sub[c] != IndicatorColumn.None)) continue;
            (merged[c], mergedIds[c]) = displaced[d--];
        }
        _roles = merged;
        _ids = mergedIds;
        Recompute();
        return true;
    }

    private void Recompute()
    {
        TargetColumn = WeightColumn = ScoreColumn = Level2Column = LikelihoodColumn = -1;
        HasContent = false;
        HasNameColumn = Array.IndexOf(_roles, IndicatorColumn.Name) >= 0;
        for (var c = 0; c < _roles.Length; c++)
        {
            var role = _roles[c];
            if (TargetColumn < 0 && IsRightPart(role)) TargetColumn = c;
            if (role == IndicatorColumn.Weight && WeightColumn < 0) WeightColumn = c;
            if (role == IndicatorColumn.Score && ScoreColumn < 0) ScoreColumn = c;
            if (role == IndicatorColumn.Level2 && Level2Column < 0) Level2Column = c;
            if (role == IndicatorColumn.Content) HasContent = true;
            if (role == IndicatorColumn.Group && LikelihoodColumn < 0) LikelihoodColumn = c;
        }
        if (TargetColumn < 0) TargetColumn = _roles.Length;
    }

    public static bool IsRightPart(IndicatorColumn role) =>
        role is not (IndicatorColumn.None or IndicatorColumn.Label or IndicatorColumn.Level1 or IndicatorColumn.Level1Weight
            or IndicatorColumn.Level2 or IndicatorColumn.Name or IndicatorColumn.Content or IndicatorColumn.Group);
}
