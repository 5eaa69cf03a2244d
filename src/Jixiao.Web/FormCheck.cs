using Jixiao.Core.Checks;
using Jixiao.Core.Forms;

namespace Jixiao.Web;

/// <summary>
/// The checker as the save path sees it: one function from a form to its findings, registered in DI so the real
/// checker (Jixiao.Core.Checks) is plugged in at the composition root and tests can choose the findings.
/// </summary>
public delegate IReadOnlyList<Finding> FormCheck(PerformanceForm form);
