using Jixiao.Core.Forms;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

public abstract partial class AppDbContext
{
    public DbSet<ExecutionImport> ExecutionImports => Set<ExecutionImport>();
    public DbSet<ExecutionFigure> ExecutionFigures => Set<ExecutionFigure>();

    // An import belongs to the importer's subtree; a figure to its project's unit, so the unit and its department see the
    // figures their forms are checked against. Neither is public.
    private void ConfigureExecution(ModelBuilder b)
    {
        b.Entity<ExecutionImport>(e =>
        {
            e.Property(i => i.OrganisationPath).HasMaxLength(1000);
            e.Property(i => i.FileName).HasMaxLength(260);
            e.Property(i => i.UnitBasis).HasMaxLength(500);
            e.Property(i => i.Unit).HasConversion(u => u.Code(), s => s == "wan-yuan" ? MoneyUnit.TenThousandYuan : MoneyUnit.Yuan).HasMaxLength(16);
            e.Property(i => i.State).HasConversion<string>().HasMaxLength(16);
            e.Property(i => i.CreatedById).HasMaxLength(450);
            e.Property(i => i.CreatedByName).HasMaxLength(256);
            e.Property(i => i.AppliedByName).HasMaxLength(256);
            e.HasIndex(i => new { i.OrganisationPath, i.Year });
            e.HasIndex(i => new { i.CreatedById, i.CreatedAt });
            e.HasMany(i => i.Figures).WithOne(f => f.Import).HasForeignKey(f => f.ImportId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(i => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || i.OrganisationPath.StartsWith(ScopePath)));
        });
        b.Entity<ExecutionFigure>(e =>
        {
            e.Property(f => f.OrganisationPath).HasMaxLength(1000);
            e.Property(f => f.ProjectCode).HasMaxLength(64);
            e.Property(f => f.ProjectName).HasMaxLength(ColumnLengths.ProjectName);
            e.Property(f => f.RowNumbers).HasMaxLength(4000);
            e.Property(f => f.PaidJson).HasMaxLength(1000);
            // A save looks up the latest applied figures of its project.
            e.HasIndex(f => new { f.ProjectId, f.Applied });
            e.HasIndex(f => f.OrganisationPath);
            e.HasOne<BudgetProject>().WithMany().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.SetNull);
            e.HasQueryFilter(f => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || f.OrganisationPath.StartsWith(ScopePath)));
        });
    }
}
