using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

public abstract partial class AppDbContext
{
    public DbSet<EvaluationAgency> EvaluationAgencies => Set<EvaluationAgency>();
    public DbSet<EvaluationExpert> EvaluationExperts => Set<EvaluationExpert>();
    public DbSet<EvaluationAssignment> EvaluationAssignments => Set<EvaluationAssignment>();
    public DbSet<EvaluationQualityScore> EvaluationQualityScores => Set<EvaluationQualityScore>();

    /// <summary>The agency an evaluator works for; null for everyone else. Set by <see cref="RestrictToAgencyAsync"/>.</summary>
    public int? EvaluatorAgencyId { get; private set; }

    // What an evaluator reaches: the projects of the agency's active tasks and their units. Null for everyone else, so
    // each filter's evaluator clause is "no agency, or contains", which EF drops from the SQL when there is no agency.
    private int[] evaluatorProjects = [];
    private int[] evaluatorUnits = [];

    private void ClearEvaluatorScope()
    {
        EvaluatorAgencyId = null;
        evaluatorProjects = [];
        evaluatorUnits = [];
    }

    /// <summary>The project ids an evaluator reaches (null when the context is not an evaluator's).</summary>
    public IReadOnlyList<int>? EvaluatorProjects => EvaluatorAgencyId is null ? null : evaluatorProjects;

    /// <summary>
    /// Limits this context to what an evaluator of <paramref name="agencyId"/> may see: the projects of the agency's
    /// active tasks (not withdrawn, their year not closed), their forms and units, and the agency itself — nothing of
    /// the rounds, imports, audit trail or quality scores. The tasks are read now, so a task that ends ends access
    /// with the next request.
    /// </summary>
    public async Task RestrictToAgencyAsync(string subtreePath, int agencyId, CancellationToken ct = default)
    {
        if (IsRestricted) throw new InvalidOperationException("The access scope of a context is set once.");
        var tasks = await ActiveAssignments(EvaluationAssignments.IgnoreQueryFilters())
            .Where(a => a.AgencyId == agencyId)
            .Select(a => new { a.ProjectId, a.OrganisationId })
            .ToListAsync(ct);
        evaluatorProjects = tasks.Select(t => t.ProjectId).Distinct().ToArray();
        evaluatorUnits = tasks.Select(t => t.OrganisationId).Distinct().ToArray();
        EvaluatorAgencyId = agencyId;
        Restrict(subtreePath, publishedOnly: false);
    }

    /// <summary>Tasks that still give access: not withdrawn, and the project's year not closed.</summary>
    public IQueryable<EvaluationAssignment> ActiveAssignments(IQueryable<EvaluationAssignment> assignments) =>
        assignments.Where(a => a.WithdrawnAt == null && !FiscalYears.Any(y => y.Year == a.Year && y.Closed));

    // The registry (agencies, experts) is seen from inside the bureau's subtree and from above it, like a round; an
    // evaluator sees its own agency only. Tasks and quality scores are scoped by the project's unit; an evaluator sees
    // its agency's active tasks and no quality scores.
    private void ConfigureEvaluators(ModelBuilder b)
    {
        b.Entity<EvaluationAgency>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(ColumnLengths.OrganisationName);
            e.Property(a => a.CreditCode).HasMaxLength(18);
            e.Property(a => a.Contact).HasMaxLength(ColumnLengths.PersonName);
            e.Property(a => a.Phone).HasMaxLength(40);
            e.Property(a => a.Qualifications).HasMaxLength(EvaluatorLengths.Qualifications);
            e.Property(a => a.OrganisationPath).HasMaxLength(1000);
            e.HasIndex(a => a.CreditCode).IsUnique();
            e.HasIndex(a => a.OrganisationPath);
            e.HasMany(a => a.Experts).WithOne(x => x.Agency).HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(a => !PublishedOnly
                                  && (ScopePath == null || a.OrganisationPath.StartsWith(ScopePath) || ScopePath.StartsWith(a.OrganisationPath))
                                  && (EvaluatorAgencyId == null || a.Id == EvaluatorAgencyId));
        });

        b.Entity<EvaluationExpert>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(ColumnLengths.PersonName);
            e.Property(x => x.Field).HasMaxLength(EvaluatorLengths.Field);
            e.Property(x => x.Title).HasMaxLength(EvaluatorLengths.Field);
            e.Property(x => x.OrganisationPath).HasMaxLength(1000);
            e.HasQueryFilter(x => !PublishedOnly
                                  && (ScopePath == null || x.OrganisationPath.StartsWith(ScopePath) || ScopePath.StartsWith(x.OrganisationPath))
                                  && (EvaluatorAgencyId == null || x.AgencyId == EvaluatorAgencyId));
        });

        b.Entity<EvaluationAssignment>(e =>
        {
            e.Property(a => a.OrganisationPath).HasMaxLength(1000);
            e.Property(a => a.ProjectName).HasMaxLength(ColumnLengths.ProjectName);
            e.Property(a => a.UnitName).HasMaxLength(ColumnLengths.OrganisationName);
            e.Property(a => a.ExpertIds).HasMaxLength(2000);
            e.Property(a => a.Note).HasMaxLength(EvaluatorLengths.Note);
            e.Property(a => a.AssignedBy).HasMaxLength(256);
            e.Property(a => a.WithdrawnBy).HasMaxLength(256);
            e.Property(a => a.WithdrawReason).HasMaxLength(EvaluatorLengths.Note);
            e.HasIndex(a => new { a.AgencyId, a.Year });
            e.HasIndex(a => a.ProjectId);
            e.HasIndex(a => a.OrganisationPath);
            e.HasOne(a => a.Agency).WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(a => a.Project).WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(a => !PublishedOnly
                                  && (ScopePath == null || a.OrganisationPath.StartsWith(ScopePath))
                                  && (EvaluatorAgencyId == null || (a.AgencyId == EvaluatorAgencyId && evaluatorProjects.Contains(a.ProjectId))));
        });

        b.Entity<EvaluationQualityScore>(e =>
        {
            e.Property(q => q.OrganisationPath).HasMaxLength(1000);
            e.Property(q => q.Items).HasMaxLength(20_000);
            e.Property(q => q.Comment).HasMaxLength(EvaluatorLengths.Note);
            e.Property(q => q.RecordedBy).HasMaxLength(256);
            e.HasIndex(q => q.AssignmentId).IsUnique();
            e.HasIndex(q => q.AgencyId);
            e.HasOne(q => q.Assignment).WithMany().HasForeignKey(q => q.AssignmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<EvaluationAgency>().WithMany().HasForeignKey(q => q.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(q => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || q.OrganisationPath.StartsWith(ScopePath)));
        });

        b.Entity<AppUser>(e => e.HasOne<EvaluationAgency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict));
    }
}

/// <summary>The bounded text of the registry, for the columns and the request contracts alike.</summary>
public static class EvaluatorLengths
{
    public const int Qualifications = 2000;
    public const int Field = 100;
    public const int Note = 2000;
}
