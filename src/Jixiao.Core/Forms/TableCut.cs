using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Forms;

/// <summary>
/// Whether an indicator table visibly stops inside its tree (a published excerpt, a lost page): the 一级 blocks of the
/// rulebook's tree come in a fixed order (产出 → 成本 → 效益 → 满意度), so a table whose rows reach no further than a block
/// with two or more blocks still to come stops before its 效益 — which every form of every year has, being what the money
/// is spent for. A form may leave out its last block alone (满意度, where a project serves nobody who could be asked).
/// </summary>
public static class TableCut
{
    /// <summary>
    /// The names of the tree's blocks after the furthest one the form's rows reach (and not kept as a 二级 either), when
    /// they are two or more (the table is cut before them); empty when the rows reach the last two blocks, when no row
    /// names a block of the tree, or when there is no tree to compare with.
    /// </summary>
    public static IReadOnlyList<string> MissingBlocks(PerformanceForm form, FormTree? tree)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (tree is null || tree.Blocks.Count < 3 || form.Indicators.Count == 0) return [];
        var reached = -1;
        foreach (var row in form.Indicators)
            reached = Math.Max(reached, BlockOf(tree, row.Level1));
        if (reached < 0) return [];
        // A block the layout keeps as a 二级 (成本指标 under 产出 before 2021) is there, only one level down.
        var missing = tree.Blocks.Skip(reached + 1).Select(b => b.Name)
            .Where(name => !form.Indicators.Exists(r => Holds(r.Level2, name))).ToList();
        return missing.Count >= 2 ? missing : [];
    }

    private static bool Holds(string? cell, string blockName)
    {
        var core = Core(blockName);
        return core.Length > 0 && cell is not null && cell.Contains(core, StringComparison.Ordinal);
    }

    private static string Core(string name) => name.EndsWith("指标", StringComparison.Ordinal) ? name[..^2] : name;

    /// <summary>The tree of <paramref name="kind"/> in <paramref name="rulebook"/>, else the project self-evaluation's (targets and monitoring tables share it).</summary>
    public static FormTree? TreeOf(Rulebook rulebook, FormKind kind)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        return rulebook.TreeFor(kind) ?? rulebook.TreeFor(FormKind.ProjectSelfEvaluation);
    }

    /// <summary>The index of the block whose name (without its 指标) the 一级 cell holds; -1 for none.</summary>
    private static int BlockOf(FormTree tree, string? level1)
    {
        if (string.IsNullOrEmpty(level1)) return -1;
        for (var i = 0; i < tree.Blocks.Count; i++)
            if (Holds(level1, tree.Blocks[i].Name)) return i;
        return -1;
    }
}
