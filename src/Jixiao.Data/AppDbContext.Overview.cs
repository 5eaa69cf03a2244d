using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

public abstract partial class AppDbContext
{
    public DbSet<OverviewBand> OverviewBands => Set<OverviewBand>();
    public DbSet<OverviewFinding> OverviewFindings => Set<OverviewFinding>();
    public DbSet<OverviewGroup> OverviewGroups => Set<OverviewGroup>();

    // The overview's running totals (Model/Overview.cs; kept by triggers, Forms/OverviewTotalsSql and OverviewTotalsSqlite), scoped by
    // path like the facts. The public and evaluators never see the overview; their contexts see none of these rows.
    private void ConfigureOverview(ModelBuilder b)
    {
        b.Entity<OverviewBand>(e =>
        {
            e.HasKey(t => new { t.Scope, t.Year, t.Status, t.TotalBand, t.RateBand });
            e.Property(t => t.Scope).HasMaxLength(1000);
            e.Property(t => t.Status).HasConversion<string>().HasMaxLength(32);
            // An administrator (no scope) adds up the roots' rows.
            e.HasIndex(t => new { t.Depth, t.Year });
            e.HasQueryFilter(t => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || t.Scope.StartsWith(ScopePath)));
        });
        b.Entity<OverviewFinding>(e =>
        {
            e.HasKey(t => new { t.Scope, t.Year, t.Status, t.Code });
            e.Property(t => t.Scope).HasMaxLength(1000);
            e.Property(t => t.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(t => t.Code).HasMaxLength(64);
            e.HasIndex(t => new { t.Depth, t.Year });
            e.HasQueryFilter(t => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || t.Scope.StartsWith(ScopePath)));
        });
        b.Entity<OverviewGroup>(e =>
        {
            e.HasKey(t => new { t.Grain, t.GroupId, t.Path, t.Year, t.Status });
            e.Property(t => t.Grain).HasMaxLength(1);
            e.Property(t => t.Path).HasMaxLength(1000);
            e.Property(t => t.Status).HasConversion<string>().HasMaxLength(32);
            // A subtree's departments or organisations of a year (the drill-down rows and the ranking).
            e.HasIndex(t => new { t.Grain, t.Year, t.Path });
            e.HasQueryFilter(t => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || t.Path.StartsWith(ScopePath)));
        });
    }
}
