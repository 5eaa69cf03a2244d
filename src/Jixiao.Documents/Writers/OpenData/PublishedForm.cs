using Jixiao.Core.Checks;
using Jixiao.Core.Forms;

namespace Jixiao.Documents.Writers.OpenData;

/// <summary>A form as published, with what the checker found in it.</summary>
public sealed record PublishedForm(PerformanceForm Form, IReadOnlyList<Finding> Findings)
{
    public PublishedForm(PerformanceForm form) : this(form, []) { }
}
