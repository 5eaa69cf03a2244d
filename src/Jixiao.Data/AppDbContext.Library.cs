using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

public abstract partial class AppDbContext
{
    public DbSet<StandardIndicator> StandardIndicators => Set<StandardIndicator>();
    public DbSet<LibraryEntryUnit> LibraryEntryUnits => Set<LibraryEntryUnit>();
    public DbSet<LibraryEntryName> LibraryEntryNames => Set<LibraryEntryName>();
    public DbSet<LibraryEntryTotal> LibraryEntryTotals => Set<LibraryEntryTotal>();
    public DbSet<LibraryPeerGroup> LibraryPeerGroups => Set<LibraryPeerGroup>();
    public DbSet<LibraryPeerUnit> LibraryPeerUnits => Set<LibraryPeerUnit>();
    public DbSet<LibraryPeerValue> LibraryPeerValues => Set<LibraryPeerValue>();

    // A standard is seen from inside the curating subtree (the units setting targets) and from above it (the finance
    // that curates it); the indicator library itself is SQL over IndicatorFact, indexed here for its grouping.
    private void ConfigureLibrary(ModelBuilder b)
    {
        b.Entity<StandardIndicator>(e =>
        {
            e.Property(s => s.OrganisationPath).HasMaxLength(1000);
            e.Property(s => s.Level1).HasMaxLength(LibraryLengths.Category);
            e.Property(s => s.Level2).HasMaxLength(LibraryLengths.Category);
            e.Property(s => s.Name).HasMaxLength(LibraryLengths.Name);
            e.Property(s => s.NormalisedName).HasMaxLength(ColumnLengths.IndicatorName);
            e.Property(s => s.Definition).HasMaxLength(LibraryLengths.Text);
            e.Property(s => s.Method).HasMaxLength(LibraryLengths.Text);
            e.Property(s => s.StandardValue).HasMaxLength(LibraryLengths.Value);
            e.Property(s => s.Unit).HasMaxLength(LibraryLengths.Unit);
            e.Property(s => s.Direction).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.UpdatedBy).HasMaxLength(256);
            e.HasIndex(s => new { s.OrganisationPath, s.Level1, s.Level2, s.NormalisedName }).IsUnique();
            e.HasIndex(s => new { s.Level1, s.Level2 });
            e.HasQueryFilter(s => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || s.OrganisationPath.StartsWith(ScopePath) || ScopePath.StartsWith(s.OrganisationPath)));
        });

        // Peer ranges read one indicator's values in order (the median is an offset into them). Level1 and Level2 stay
        // out of the key: they are unbounded text from read documents, and a long one would not fit an index entry.
        b.Entity<IndicatorFact>(e => e.HasIndex(i => new { i.NormalisedName, i.Unit, i.TargetValue }));

        // The library's running totals (Model/Library.cs; kept by PostgreSQL triggers, Forms/LibrarySummarySql). Counts per
        // unit and totals per subtree are scoped by path like the facts; the public and evaluators read the facts, whose
        // filters know published forms and assigned projects. Peer groups and their values hold every unit's figures:
        // only an unscoped context sees them, and the peer ranges read them past the filters, five units or more only.
        b.Entity<LibraryEntryUnit>(e =>
        {
            e.HasKey(u => new { u.EntryKey, u.Year, u.OrganisationPath });
            e.Property(u => u.EntryKey).HasMaxLength(32);
            e.Property(u => u.OrganisationPath).HasMaxLength(1000);
            e.HasQueryFilter(u => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || u.OrganisationPath.StartsWith(ScopePath)));
        });
        b.Entity<LibraryEntryName>(e =>
        {
            e.HasKey(u => new { u.EntryKey, u.Year, u.OrganisationPath, u.NameKey });
            e.Property(u => u.EntryKey).HasMaxLength(32);
            e.Property(u => u.NameKey).HasMaxLength(32);
            e.Property(u => u.OrganisationPath).HasMaxLength(1000);
            e.Property(u => u.Unit).HasMaxLength(50);
            e.HasQueryFilter(u => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || u.OrganisationPath.StartsWith(ScopePath)));
        });
        b.Entity<LibraryEntryTotal>(e =>
        {
            e.HasKey(t => new { t.EntryKey, t.Year, t.Scope });
            e.Property(t => t.EntryKey).HasMaxLength(32);
            e.Property(t => t.Scope).HasMaxLength(1000);
            e.Property(t => t.NormalisedName).HasMaxLength(ColumnLengths.IndicatorName);
            e.Property(t => t.Unit).HasMaxLength(50);
            // The library page: one subtree's entries of a year, most used first.
            e.HasIndex(t => new { t.Scope, t.Year, t.Units, t.Rows });
            // An administrator (no scope) adds up the roots' rows.
            e.HasIndex(t => new { t.Depth, t.Year });
            e.HasQueryFilter(t => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || t.Scope.StartsWith(ScopePath)));
        });
        b.Entity<LibraryPeerGroup>(e =>
        {
            e.HasKey(g => g.GroupKey);
            e.Property(g => g.GroupKey).HasMaxLength(32);
            e.Property(g => g.NormalisedName).HasMaxLength(ColumnLengths.IndicatorName);
            e.Property(g => g.Unit).HasMaxLength(50);
            e.HasIndex(g => new { g.NormalisedName, g.Window, g.Actuals });
            e.HasQueryFilter(g => !PublishedOnly && EvaluatorAgencyId == null && ScopePath == null);
        });
        b.Entity<LibraryPeerUnit>(e =>
        {
            e.HasKey(u => new { u.GroupKey, u.OrganisationPath });
            e.Property(u => u.GroupKey).HasMaxLength(32);
            e.Property(u => u.OrganisationPath).HasMaxLength(1000);
            e.HasQueryFilter(u => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || u.OrganisationPath.StartsWith(ScopePath)));
        });
        b.Entity<LibraryPeerValue>(e =>
        {
            e.HasKey(v => new { v.GroupKey, v.Value });
            e.Property(v => v.GroupKey).HasMaxLength(32);
            e.HasQueryFilter(v => !PublishedOnly && EvaluatorAgencyId == null && ScopePath == null);
        });
    }
}

/// <summary>The lengths of the library's text columns, also the bounds of its API contracts.</summary>
public static class LibraryLengths
{
    public const int Category = 200;
    public const int Name = ColumnLengths.IndicatorName;
    public const int Text = 2_000;
    public const int Value = 200;
    public const int Unit = 50;
}
