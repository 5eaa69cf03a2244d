using Jixiao.Core.Rulebooks;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

public abstract partial class AppDbContext
{
    public DbSet<BudgetDecision> BudgetDecisions => Set<BudgetDecision>();
    public DbSet<RulebookChoice> RulebookChoices => Set<RulebookChoice>();

    // Decisions belong to one unit's form and are scoped by its path, like the form. A rulebook choice is seen from
    // inside its subtree (a unit's forms are scored by it) as well as from above it (finance chose it), like a round.
    private void ConfigureResults(ModelBuilder b)
    {
        b.Entity<BudgetDecision>(e =>
        {
            e.Property(d => d.OrganisationPath).HasMaxLength(1000);
            e.Property(d => d.Action).HasConversion(a => a.Code(), s => BudgetActions.FromCode(s)!.Value).HasMaxLength(32);
            e.Property(d => d.SuggestedAction).HasConversion(a => a.Code(), s => BudgetActions.FromCode(s)!.Value).HasMaxLength(32);
            e.Property(d => d.Reason).HasMaxLength(2000);
            e.Property(d => d.RulebookId).HasMaxLength(100);
            e.Property(d => d.Grade).HasMaxLength(ColumnLengths.StatedGrade);
            e.Property(d => d.DecidedById).HasMaxLength(450);
            e.Property(d => d.DecidedByName).HasMaxLength(256);
            e.Ignore(d => d.FollowsSuggestion);
            e.HasIndex(d => new { d.FormId, d.Id });
            e.HasIndex(d => d.OrganisationPath);
            e.HasIndex(d => d.Year);
            e.HasOne(d => d.Form).WithMany().HasForeignKey(d => d.FormId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(d => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || d.OrganisationPath.StartsWith(ScopePath)));
        });

        b.Entity<RulebookChoice>(e =>
        {
            e.Property(c => c.OrganisationPath).HasMaxLength(1000);
            e.Property(c => c.OrganisationName).HasMaxLength(ColumnLengths.OrganisationName);
            e.Property(c => c.RulebookId).HasMaxLength(100);
            e.Property(c => c.TemplateRegion).HasMaxLength(50);
            e.Property(c => c.ChosenById).HasMaxLength(450);
            e.Property(c => c.ChosenByName).HasMaxLength(256);
            e.HasIndex(c => new { c.Year, c.OrganisationPath });
            e.HasQueryFilter(c => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || c.OrganisationPath.StartsWith(ScopePath) || ScopePath.StartsWith(c.OrganisationPath)));
        });
    }
}
