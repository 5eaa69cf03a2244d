using Jixiao.Core.Checks;
using Jixiao.Core.Forms;

namespace Jixiao.Web;

/// <summary>
/// The checker as the save path sees it: one function from a form to its findings, registered in DI so the real
/// checker (Jixiao.Core.Checks) is plugged in at the composition root and tests can choose the findings.
/// The rulebook is the one the form is scored by (finance's choice for the unit and year); null means the default, for
/// callers that have no organisation yet (a file read before it is placed).
/// </summary>
public delegate IReadOnlyList<Finding> FormCheck(PerformanceForm form, Jixiao.Core.Rulebooks.Rulebook? rulebook = null);
