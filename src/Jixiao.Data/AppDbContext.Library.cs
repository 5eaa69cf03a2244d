using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

public abstract partial class AppDbContext
{
    public DbSet<StandardIndicator> StandardIndicators => Set<StandardIndicator>();

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
