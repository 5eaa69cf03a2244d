using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

public abstract partial class AppDbContext
{
    public DbSet<TargetGrade> TargetGrades => Set<TargetGrade>();
    public DbSet<TargetAdjustment> TargetAdjustments => Set<TargetAdjustment>();

    // Grades and adjustments belong to one unit's targets form and are scoped by its path; the public sees neither.
    private void ConfigureTargetReview(ModelBuilder b)
    {
        b.Entity<TargetGrade>(e =>
        {
            e.Property(g => g.OrganisationPath).HasMaxLength(1000);
            e.Property(g => g.Grade).HasMaxLength(ColumnLengths.StatedGrade);
            e.Property(g => g.Reasons).HasMaxLength(2000);
            e.Property(g => g.UserId).HasMaxLength(450);
            e.Property(g => g.UserName).HasMaxLength(256);
            e.Property(g => g.Role).HasMaxLength(32);
            e.HasIndex(g => g.FormId);
            e.HasIndex(g => g.OrganisationPath);
            e.HasOne<FormRecord>().WithMany().HasForeignKey(g => g.FormId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(g => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || g.OrganisationPath.StartsWith(ScopePath)));
        });

        b.Entity<TargetAdjustment>(e =>
        {
            e.Property(a => a.OrganisationPath).HasMaxLength(1000);
            e.Property(a => a.UnitName).HasMaxLength(ColumnLengths.OrganisationName);
            e.Property(a => a.ProjectName).HasMaxLength(ColumnLengths.ProjectName);
            e.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Reason).HasMaxLength(2000);
            e.Property(a => a.ChangesJson).HasMaxLength(100_000);
            e.Property(a => a.RequestedById).HasMaxLength(450);
            e.Property(a => a.RequestedBy).HasMaxLength(256);
            e.Property(a => a.DecidedBy).HasMaxLength(256);
            e.Property(a => a.Decision).HasMaxLength(2000);
            e.HasIndex(a => a.FormId);
            e.HasIndex(a => new { a.State, a.OrganisationPath });
            e.HasOne<FormRecord>().WithMany().HasForeignKey(a => a.FormId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(a => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || a.OrganisationPath.StartsWith(ScopePath)));
        });
    }
}
