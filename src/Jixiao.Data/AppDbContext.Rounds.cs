using Jixiao.Core.Forms;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

public abstract partial class AppDbContext
{
    // A round is seen from inside its subtree as well as from above it: a unit sees the round that asks something of it,
    // finance the rounds it opened. Tasks, extensions and reminders belong to one unit and are scoped by its path.
    private void ConfigureRounds(ModelBuilder b)
    {
        b.Entity<Round>(e =>
        {
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(r => r.OrganisationPath).HasMaxLength(1000);
            e.Property(r => r.OrganisationName).HasMaxLength(ColumnLengths.OrganisationName);
            e.Property(r => r.Title).HasMaxLength(200);
            e.Property(r => r.OpenedBy).HasMaxLength(256);
            e.Property(r => r.ClosedBy).HasMaxLength(256);
            e.HasIndex(r => new { r.Year, r.Kind });
            e.HasMany(r => r.Tasks).WithOne(t => t.Round).HasForeignKey(t => t.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(r => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || r.OrganisationPath.StartsWith(ScopePath) || ScopePath.StartsWith(r.OrganisationPath)));
        });

        b.Entity<RoundTask>(e =>
        {
            e.Property(t => t.OrganisationPath).HasMaxLength(1000);
            e.Property(t => t.UnitName).HasMaxLength(ColumnLengths.OrganisationName);
            e.Property(t => t.DepartmentName).HasMaxLength(ColumnLengths.OrganisationName);
            e.Property(t => t.ProjectName).HasMaxLength(ColumnLengths.ProjectName);
            e.Property(t => t.Kind).HasConversion(k => k.Code(), s => FormKinds.FromCode(s)!.Value).HasMaxLength(40);
            e.Property(t => t.FormKey).HasMaxLength(64);
            e.HasIndex(t => new { t.RoundId, t.OrganisationId });
            e.HasIndex(t => t.OrganisationPath);
            e.HasIndex(t => t.FormKey);
            e.HasQueryFilter(t => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || t.OrganisationPath.StartsWith(ScopePath)));
        });

        b.Entity<RoundExtension>(e =>
        {
            e.Property(x => x.OrganisationPath).HasMaxLength(1000);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.UserName).HasMaxLength(256);
            e.HasIndex(x => new { x.RoundId, x.OrganisationId });
            e.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(x => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || x.OrganisationPath.StartsWith(ScopePath)));
        });

        b.Entity<RoundReminder>(e =>
        {
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.OrganisationPath).HasMaxLength(1000);
            e.Property(r => r.Message).HasMaxLength(1000);
            e.Property(r => r.LeaseOwner).HasMaxLength(100);
            // Workers look for pending reminders that fell due; a unit's list reads its own.
            e.HasIndex(r => new { r.State, r.DueAt });
            e.HasIndex(r => r.OrganisationPath);
            e.HasOne<Round>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(r => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || r.OrganisationPath.StartsWith(ScopePath)));
        });
    }
}
