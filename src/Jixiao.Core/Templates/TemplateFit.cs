using Jixiao.Core.Forms;

namespace Jixiao.Core.Templates;

/// <summary>Which template a form built in code (no <see cref="PerformanceForm.TemplateId"/>) is printed with: the roles it has values for.</summary>
public static class TemplateFit
{
    /// <summary>The template the form names, else the one that fits the roles it has values for, else the kind's default.</summary>
    public static FormTemplate? For(PerformanceForm form, TemplateRegistry registry)
    {
        if (registry.Find(form.TemplateId, form.TemplateVersion) is { } named && named.Kind == form.Kind) return named;
        return registry.Choose(form.Kind, RolesOf(form), form.Year, null) ?? registry.Default(form.Kind, form.Year);
    }

    /// <summary>(block, role) for every column the form has a value in, as the recogniser would have seen headers.</summary>
    public static IReadOnlyCollection<(string Block, string Role)> RolesOf(PerformanceForm form)
    {
        var roles = new HashSet<(string, string)>();
        foreach (var f in form.Funds)
        {
            if (f.InitialBudget is not null) roles.Add(("funds", "initialBudget"));
            if (f.Budget is not null) roles.Add(("funds", "budget"));
            if (f.Executed is not null) roles.Add(("funds", "executed"));
            if (f.Transfer is not null) roles.Add(("funds", "transfer"));
            if (f.ForecastExecuted is not null) roles.Add(("funds", "forecast"));
            if (f.Weight is not null) roles.Add(("funds", "weight"));
            if (f.StatedRate is not null) roles.Add(("funds", "rate"));
            if (f.StatedScore is not null) roles.Add(("funds", "score"));
            if (f.Role is FundsRowRole.Source) roles.Add(("fundsRows", "source"));
            if (f.Role is FundsRowRole.Structure) roles.Add(("fundsRows", "structure"));
            foreach (var key in f.Extra.Keys) roles.Add(("funds", key));
        }
        foreach (var r in form.Indicators)
        {
            if (r.Content is not null) roles.Add(("indicators", "content"));
            if (r.MidYearProgress is not null) roles.Add(("indicators", "midYearProgress"));
            if (r.ExpectedCompletion is not null) roles.Add(("indicators", "expectedCompletion"));
            if (r.Improvement is not null) roles.Add(("indicators", "improvement"));
            foreach (var key in r.Extra.Keys) roles.Add(("indicators", key));
        }
        return roles;
    }
}
