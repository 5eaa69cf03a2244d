using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

public abstract partial class AppDbContext
{
    public DbSet<RectificationItem> Rectifications => Set<RectificationItem>();
    public DbSet<RectificationNote> RectificationNotes => Set<RectificationNote>();
    public DbSet<RectificationEvidence> RectificationEvidence => Set<RectificationEvidence>();
    public DbSet<SpotCheck> SpotChecks => Set<SpotCheck>();
    public DbSet<SpotCheckEntry> SpotCheckEntries => Set<SpotCheckEntry>();
    public DbSet<SpotCheckScore> SpotCheckScores => Set<SpotCheckScore>();

    /// <summary>The longest text of a rectification requirement or note.</summary>
    public const int RectificationTextLength = 4000;

    // Items, notes and evidence belong to the owner unit and are scoped by its path. The public sees an item only when
    // its form is published and the rulebook disclosed it, and never its notes or evidence. A spot check is seen from
    // inside its subtree and from above it (like a round); its entries and scores belong to the sampled unit.
    private void ConfigureRectification(ModelBuilder b)
    {
        b.Entity<RectificationItem>(e =>
        {
            e.Property(r => r.OrganisationPath).HasMaxLength(1000);
            e.Property(r => r.RaisedByPath).HasMaxLength(1000);
            e.Property(r => r.UnitName).HasMaxLength(ColumnLengths.OrganisationName);
            e.Property(r => r.FormTitle).HasMaxLength(ColumnLengths.ProjectName);
            e.Property(r => r.Source).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.FindingCode).HasMaxLength(64);
            e.Property(r => r.FindingPlace).HasMaxLength(400);
            e.Property(r => r.What).HasMaxLength(RectificationTextLength);
            e.Property(r => r.RaisedById).HasMaxLength(450);
            e.Property(r => r.RaisedByName).HasMaxLength(256);
            e.Property(r => r.ClosedBy).HasMaxLength(256);
            e.Property(r => r.Revision).IsConcurrencyToken();
            // Homes look for open items past their deadline; a form's review page lists its items.
            e.HasIndex(r => r.OrganisationPath);
            e.HasIndex(r => new { r.Status, r.Deadline });
            e.HasIndex(r => r.FormId);
            e.HasOne(r => r.Form).WithMany().HasForeignKey(r => r.FormId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Notes).WithOne(n => n.Item).HasForeignKey(n => n.ItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Evidence).WithOne(x => x.Item).HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(r => EvaluatorAgencyId == null && (ScopePath == null || r.OrganisationPath.StartsWith(ScopePath))
                                  && (!PublishedOnly || (r.Disclosed && r.Form!.Status == FormStatus.Published)));
        });

        b.Entity<RectificationNote>(e =>
        {
            e.Property(n => n.OrganisationPath).HasMaxLength(1000);
            e.Property(n => n.UserId).HasMaxLength(450);
            e.Property(n => n.UserName).HasMaxLength(256);
            e.Property(n => n.From).HasConversion<string>().HasMaxLength(16);
            e.Property(n => n.To).HasConversion<string>().HasMaxLength(16);
            e.Property(n => n.Text).HasMaxLength(RectificationTextLength);
            e.HasIndex(n => n.ItemId);
            e.HasQueryFilter(n => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || n.OrganisationPath.StartsWith(ScopePath)));
        });

        b.Entity<RectificationEvidence>(e =>
        {
            e.Property(x => x.OrganisationPath).HasMaxLength(1000);
            e.Property(x => x.Name).HasMaxLength(260);
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.UserName).HasMaxLength(256);
            // The daily upload quota sums a user's recent bytes over every upload path.
            e.HasIndex(x => new { x.UserId, x.At });
            e.HasIndex(x => x.ItemId);
            e.HasQueryFilter(x => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || x.OrganisationPath.StartsWith(ScopePath)));
        });

        b.Entity<SpotCheck>(e =>
        {
            e.Property(s => s.OrganisationPath).HasMaxLength(1000);
            e.Property(s => s.OrganisationName).HasMaxLength(ColumnLengths.OrganisationName);
            e.Property(s => s.Method).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.RuleGrade).HasMaxLength(ColumnLengths.StatedGrade);
            e.Property(s => s.DrawnBy).HasMaxLength(256);
            e.HasIndex(s => s.Year);
            e.HasMany(s => s.Entries).WithOne(x => x.SpotCheck).HasForeignKey(x => x.SpotCheckId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(s => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || s.OrganisationPath.StartsWith(ScopePath) || ScopePath.StartsWith(s.OrganisationPath)));
        });

        b.Entity<SpotCheckEntry>(e =>
        {
            e.Property(x => x.OrganisationPath).HasMaxLength(1000);
            e.Property(x => x.UnitName).HasMaxLength(ColumnLengths.OrganisationName);
            e.Property(x => x.ProjectName).HasMaxLength(ColumnLengths.ProjectName);
            e.Property(x => x.StatedGrade).HasMaxLength(ColumnLengths.StatedGrade);
            e.Property(x => x.RecheckedGrade).HasMaxLength(ColumnLengths.StatedGrade);
            e.Property(x => x.Note).HasMaxLength(RectificationTextLength);
            e.Property(x => x.RecheckedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.SpotCheckId, x.Position }).IsUnique();
            e.HasIndex(x => x.OrganisationPath);
            e.HasIndex(x => x.FormId);
            e.HasMany(x => x.Scores).WithOne(s => s.Entry).HasForeignKey(s => s.EntryId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(x => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || x.OrganisationPath.StartsWith(ScopePath)));
        });

        b.Entity<SpotCheckScore>(e =>
        {
            e.HasKey(s => new { s.EntryId, s.Position });
            e.Property(s => s.OrganisationPath).HasMaxLength(1000);
            e.Property(s => s.Name).HasMaxLength(ColumnLengths.IndicatorName);
            e.HasQueryFilter(s => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || s.OrganisationPath.StartsWith(ScopePath)));
        });
    }
}
