namespace Jixiao.Documents.Recognition;

/// <summary>
/// The columns of an indicator block, from its header row and, on monitoring tables, the sub-header of cause boxes and
/// likelihoods. A header row printed with merged cells has fewer cells than its data rows: what the sub-header names
/// wins, and the main header's words it displaces move to the unclaimed columns at the right (备注).
/// </summary>
internal sealed class IndicatorLayout
{
    private IndicatorColumn[] _roles;

    private IndicatorLayout(IndicatorColumn[] roles)
    {
        _roles = roles;
        Recompute();
    }

    public int TargetColumn { get; private set; } = -1;

    public int WeightColumn { get; private set; } = -1;

    public int ScoreColumn { get; private set; } = -1;

    public int Level2Column { get; private set; } = -1;

    public bool HasContent { get; private set; }

    public int Width => _roles.Length;

    public IndicatorColumn RoleAt(int column) => column >= 0 && column < _roles.Length ? _roles[column] : IndicatorColumn.None;

    /// <summary>The header of an indicator block: at least three of 一级/二级/三级/指标值/完成值/分值/得分.</summary>
    public static IndicatorLayout? TryHeader(SourceRow row)
    {
        // Every indicator header names a level (一级/二级/三级): most rows are rejected on one character search.
        var named = false;
        foreach (var key in row.Keys)
            if (key.Length <= 30 && key.Contains('级')) { named = true; break; }
        if (!named) return null;
        var roles = new IndicatorColumn[row.Width];
        var core = 0;
        var hasTree = false;
        for (var c = 0; c < row.Width; c++)
        {
            var role = Vocabulary.IndicatorColumnOf(row.Keys[c]);
            // 权重 right after 一级指标 is the 一级 weight (Hunan department-wide layout).
            if (role == IndicatorColumn.Weight && c > 0 && roles[c - 1] == IndicatorColumn.Level1 && row.Keys[c] == "权重")
                role = IndicatorColumn.Level1Weight;
            roles[c] = role;
            if (role is IndicatorColumn.Level1 or IndicatorColumn.Level2 or IndicatorColumn.Name) { core++; hasTree = true; }
            else if (role is IndicatorColumn.Target or IndicatorColumn.Actual or IndicatorColumn.Weight or IndicatorColumn.Score) core++;
        }
        return core >= 3 && hasTree ? new IndicatorLayout(roles) : null;
    }

    /// <summary>Merges the sub-header of a monitoring table (经费保障 … 其他保障, 原因说明, 确定能 …) when this row is one.</summary>
    public bool TryMergeSubHeader(SourceRow row)
    {
        var sub = new IndicatorColumn[row.Width];
        var found = 0;
        for (var c = 0; c < row.Width; c++)
        {
            var role = Vocabulary.IndicatorColumnOf(row.Keys[c]);
            if (role is >= IndicatorColumn.CauseFunding and <= IndicatorColumn.LikelyImpossible or IndicatorColumn.Explanation or IndicatorColumn.Remark)
            {
                sub[c] = role;
                found++;
            }
        }
        if (found < 2) return false;

        var width = Math.Max(_roles.Length, row.Width);
        var merged = new IndicatorColumn[width];
        var displaced = new List<IndicatorColumn>();
        for (var c = 0; c < width; c++)
        {
            var main = c < _roles.Length ? _roles[c] : IndicatorColumn.None;
            var below = c < sub.Length ? sub[c] : IndicatorColumn.None;
            if (below != IndicatorColumn.None)
            {
                merged[c] = below;
                if (main is not (IndicatorColumn.None or IndicatorColumn.Group or IndicatorColumn.Explanation) && Array.IndexOf(sub, main) < 0) displaced.Add(main);
            }
            else
            {
                merged[c] = main == IndicatorColumn.Group ? IndicatorColumn.None : main;
            }
        }
        // Words the spans pushed out (备注) belong to the last free columns, in their order.
        for (int d = displaced.Count - 1, c = width - 1; d >= 0 && c >= 0; c--)
        {
            if (merged[c] != IndicatorColumn.None || (c < sub.Length && sub[c] != IndicatorColumn.None)) continue;
            merged[c] = displaced[d--];
        }
        _roles = merged;
        Recompute();
        return true;
    }

    private void Recompute()
    {
        TargetColumn = WeightColumn = ScoreColumn = Level2Column = -1;
        HasContent = false;
        for (var c = 0; c < _roles.Length; c++)
        {
            var role = _roles[c];
            if (TargetColumn < 0 && IsRightPart(role)) TargetColumn = c;
            if (role == IndicatorColumn.Weight && WeightColumn < 0) WeightColumn = c;
            if (role == IndicatorColumn.Score && ScoreColumn < 0) ScoreColumn = c;
            if (role == IndicatorColumn.Level2 && Level2Column < 0) Level2Column = c;
            if (role == IndicatorColumn.Content) HasContent = true;
        }
        if (TargetColumn < 0) TargetColumn = _roles.Length;
    }

    public static bool IsRightPart(IndicatorColumn role) =>
        role is not (IndicatorColumn.None or IndicatorColumn.Label or IndicatorColumn.Level1 or IndicatorColumn.Level1Weight
            or IndicatorColumn.Level2 or IndicatorColumn.Name or IndicatorColumn.Content or IndicatorColumn.Group);
}
