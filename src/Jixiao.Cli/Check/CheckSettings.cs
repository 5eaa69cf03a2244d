using Jixiao.Core.Checks;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Cli.Check;

/// <summary>The options of <c>jixiao check</c>.</summary>
/// <param name="Colour">Colour finding lines by severity (only on a terminal).</param>
/// <param name="ReportPath">Where to write the auditors' .xlsx findings report, if asked.</param>
public sealed record CheckSettings(Rulebook Rulebook, bool Json = false, string? ReportPath = null, bool Colour = false)
{
    /// <summary>The per-form rules to run: the catalogue (tests add a failing rule to see exit code 3).</summary>
    internal IReadOnlyList<ICheckRule> Rules { get; init; } = Checker.Rules;

    /// <summary>Files and folders read only to compare with (earlier years, approved targets): <c>--history</c>.</summary>
    public IReadOnlyList<string> History { get; init; } = [];
}
