using Jixiao.Core.Forms;
using Jixiao.Data.Model;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jixiao.Data;

/// <summary>
/// The one model of both databases. Each provider has a derived context with its own migrations
/// (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>).
/// <para>
/// Access scoping lives here and only here: query filters limit organisations, projects, forms, their history and the
/// audit trail to <see cref="ScopePath"/>'s subtree, and forms to published ones when <see cref="PublishedOnly"/>.
/// A context nobody restricted (startup, migrations, the CLI) sees everything.
/// </para>
/// </summary>
public abstract partial class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The organisation path ("/CSCZ/CSDSJ/") whose subtree is visible; null for everything.</summary>
    public string? ScopePath { get; private set; }

    /// <summary>True for the anonymous public: only published forms exist.</summary>
    public bool PublishedOnly { get; private set; }

    /// <summary>Whether <see cref="Restrict"/> was called; a restricted context cannot be widened again.</summary>
    public bool IsRestricted { get; private set; }

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<FiscalYear> FiscalYears => Set<FiscalYear>();
    public DbSet<BudgetProject> Projects => Set<BudgetProject>();
    public DbSet<FormRecord> Forms => Set<FormRecord>();
    public DbSet<FormFinding> Findings => Set<FormFinding>();
    public DbSet<FormFact> FormFacts => Set<FormFact>();
    public DbSet<IndicatorFact> IndicatorFacts => Set<IndicatorFact>();
    public DbSet<FormVersion> Versions => Set<FormVersion>();
    public DbSet<FindingJustification> Justifications => Set<FindingJustification>();
    public DbSet<WorkflowTransition> Transitions => Set<WorkflowTransition>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<ImportJobFile> ImportJobFiles => Set<ImportJobFile>();
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<RoundTask> RoundTasks => Set<RoundTask>();
    public DbSet<RoundExtension> RoundExtensions => Set<RoundExtension>();
    public DbSet<RoundReminder> RoundReminders => Set<RoundReminder>();

    /// <summary>
    /// Limits this context to a subtree (null path: the whole tree) and optionally to published forms. Called once per
    /// request by the web layer; narrowing twice is refused so a scope can never be widened by a later call.
    /// </summary>
    public void Restrict(string? subtreePath, bool publishedOnly)
    {
        if (IsRestricted) throw new InvalidOperationException("The access scope of a context is set once.");
        ScopePath = subtreePath;
        PublishedOnly = publishedOnly;
        IsRestricted = true;
    }

    /// <summary>
    /// A context from the pool (<see cref="DatabaseSetup"/>) keeps what an earlier request set on it; EF resets its own
    /// state, not this class's. Called on every rent, before anything reads the scope, so a context starts unrestricted
    /// and can be narrowed once, as a new one would.
    /// </summary>
    internal void ClearScope()
    {
        ScopePath = null;
        PublishedOnly = false;
        IsRestricted = false;
        ClearEvaluatorScope();
    }

    /// <summary>
    /// The options both databases share, set once with the provider's (<c>Configure</c>): set in OnConfiguring they were
    /// applied to every new context, and EF compared the options and looked up its services afresh each time.
    /// </summary>
    /// <remarks>
    /// The warning ignored: a user's organisation is filtered while users are not, on purpose. Sign-in must find the
    /// user before any scope exists, and code that needs the user's organisation reads it with IgnoreQueryFilters.
    /// </remarks>
    protected static DbContextOptionsBuilder Shared(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        b.Entity<Organisation>(e =>
        {
            e.Property(o => o.Code).HasMaxLength(ColumnLengths.OrganisationCode);
            e.Property(o => o.Name).HasMaxLength(ColumnLengths.OrganisationName);
            e.Property(o => o.Path).HasMaxLength(1000);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
            e.HasIndex(o => o.Code).IsUnique();
            e.HasIndex(o => o.Path).IsUnique();
            e.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(o => (ScopePath == null || o.Path.StartsWith(ScopePath)) && (EvaluatorAgencyId == null || evaluatorUnits.Contains(o.Id)));
        });

        b.Entity<FiscalYear>(e => e.HasIndex(y => y.Year).IsUnique());

        b.Entity<BudgetProject>(e =>
        {
            e.Property(p => p.Code).HasMaxLength(ColumnLengths.ProjectCode);
            e.Property(p => p.Name).HasMaxLength(ColumnLengths.ProjectName);
            e.Property(p => p.PeriodGoal).HasMaxLength(ColumnLengths.PeriodGoal);
            e.Ignore(p => p.IsMultiYear);
            e.HasIndex(p => new { p.FiscalYearId, p.Code }).IsUnique();
            e.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.FiscalYear).WithMany().HasForeignKey(p => p.FiscalYearId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(p => (ScopePath == null || p.Organisation!.Path.StartsWith(ScopePath)) && (EvaluatorAgencyId == null || evaluatorProjects.Contains(p.Id)));
        });

        b.Entity<FormRecord>(e =>
        {
            e.Property(f => f.Kind).HasConversion(k => k.Code(), s => FormKinds.FromCode(s)!.Value).HasMaxLength(40);
            e.Property(f => f.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(f => f.Revision).IsConcurrencyToken();
            e.Property(f => f.Title).HasMaxLength(ColumnLengths.FormTitle);
            e.Property(f => f.ProjectName).HasMaxLength(ColumnLengths.ProjectName);
            e.Property(f => f.DepartmentName).HasMaxLength(ColumnLengths.DepartmentName);
            e.Property(f => f.UnitName).HasMaxLength(ColumnLengths.UnitName);
            e.Property(f => f.TemplateId).HasMaxLength(ColumnLengths.TemplateId);
            e.Ignore(f => f.IsLocked);
            e.Ignore(f => f.IsSuperseded);
            e.Property(f => f.UniqueKey).HasMaxLength(64);
            e.HasIndex(f => f.UniqueKey).IsUnique();
            e.HasIndex(f => new { f.OrganisationId, f.FiscalYearId, f.Kind });
            e.HasIndex(f => f.Status);
            e.HasOne(f => f.Organisation).WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(f => f.FiscalYear).WithMany().HasForeignKey(f => f.FiscalYearId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(f => f.Project).WithMany().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(f => f.Findings).WithOne(r => r.Form).HasForeignKey(r => r.FormId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(f => f.Fact).WithOne(x => x.Form).HasForeignKey<FormFact>(x => x.FormId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(f => (ScopePath == null || f.Organisation!.Path.StartsWith(ScopePath))
                                  && (!PublishedOnly || f.Status == FormStatus.Published)
                                  && (EvaluatorAgencyId == null || (f.ProjectId != null && evaluatorProjects.Contains(f.ProjectId.Value))));
        });

        b.Entity<FormFinding>(e =>
        {
            e.Property(r => r.Severity).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Code).HasMaxLength(64);
            e.Property(r => r.ComparedKind).HasConversion(k => k!.Value.Code(), s => FormKinds.FromCode(s)).HasMaxLength(40);
            e.Property(r => r.ComparedProject).HasMaxLength(ColumnLengths.ProjectName);
            e.HasIndex(r => new { r.FormId, r.Position }).IsUnique();
            e.Property(r => r.OrganisationPath).HasMaxLength(1000);
            e.HasIndex(r => r.Code);
            // Only the finding's own columns for the scope and the evaluators' projects: a navigation here joined every
            // findings query to the forms and the organisations. The public's published check is a subquery that runs
            // only when PublishedOnly is set (the OR short-circuits), so nobody else pays for it.
            e.HasQueryFilter(r => (ScopePath == null || r.OrganisationPath.StartsWith(ScopePath))
                                  && (!PublishedOnly || Forms.Any(f => f.Id == r.FormId && f.Status == FormStatus.Published))
                                  && (EvaluatorAgencyId == null || (r.ProjectId != null && evaluatorProjects.Contains(r.ProjectId.Value))));
        });

        b.Entity<FormFact>(e =>
        {
            e.HasKey(f => f.FormId);
            e.Property(f => f.OrganisationPath).HasMaxLength(1000);
            e.Property(f => f.UnitName).HasMaxLength(ColumnLengths.OrganisationName);
            e.Property(f => f.DepartmentName).HasMaxLength(ColumnLengths.OrganisationName);
            e.Property(f => f.Kind).HasConversion(k => k.Code(), s => FormKinds.FromCode(s)!.Value).HasMaxLength(40);
            e.Property(f => f.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(f => f.TemplateId).HasMaxLength(ColumnLengths.TemplateId);
            e.Property(f => f.RulebookId).HasMaxLength(100);
            e.Property(f => f.ProjectName).HasMaxLength(ColumnLengths.ProjectName);
            e.Property(f => f.Title).HasMaxLength(ColumnLengths.FormTitle);
            e.Property(f => f.ComputedGrade).HasMaxLength(ColumnLengths.StatedGrade);
            e.Property(f => f.StatedGrade).HasMaxLength(ColumnLengths.StatedGrade);
            e.Property(f => f.LeaseOwner).HasMaxLength(100);
            e.Property(f => f.SearchText).HasMaxLength(ColumnLengths.SearchText);
            // Scope filter (path prefix, with the year: a department's or a unit's facts of a year; PostgreSQL gives it the
            // pattern operators a LIKE prefix needs), the queue (state, risk), the overview (year, kind, department) and re-derivation.
            e.HasIndex(f => new { f.OrganisationPath, f.Year });
            e.HasIndex(f => new { f.Status, f.Risk });
            // The review queue (Analytics.QueuePageAsync): current facts of some states and a year, by risk, with every
            // filter of the queue and the scope path in the key, so that its count and a page's ids are index-only scans.
            e.HasIndex(f => new { f.Status, f.Year, f.Risk, f.FormId, f.DepartmentId, f.Kind, f.OrganisationPath }, "IX_FormFacts_Queue")
                .IsDescending(false, false, true, false, false, false, false).HasFilter("\"IsCurrent\"");
            e.HasIndex(f => new { f.Year, f.Kind, f.DepartmentId });
            e.HasIndex(f => f.FactsVersion);
            // A form's related forms (FormRelations): the unit's forms of a few years.
            e.HasIndex(f => new { f.OrganisationId, f.Year });
            e.HasMany(f => f.Indicators).WithOne(i => i.Fact).HasForeignKey(i => i.FormId).OnDelete(DeleteBehavior.Cascade);
            // Only the fact's own columns: a navigation here joined every fact query to the forms (bodies and all) and
            // the organisations, which was most of the overview's and the queue's time at province scale.
            e.HasQueryFilter(f => (ScopePath == null || f.OrganisationPath.StartsWith(ScopePath))
                                  && (!PublishedOnly || f.Status == FormStatus.Published)
                                  && (EvaluatorAgencyId == null || (f.ProjectId != null && evaluatorProjects.Contains(f.ProjectId.Value))));
        });

        b.Entity<IndicatorFact>(e =>
        {
            e.HasKey(i => new { i.FormId, i.Position });
            e.Property(i => i.OrganisationPath).HasMaxLength(1000);
            e.Property(i => i.Kind).HasConversion(k => k.Code(), s => FormKinds.FromCode(s)!.Value).HasMaxLength(40);
            e.Property(i => i.NormalisedName).HasMaxLength(ColumnLengths.IndicatorName);
            e.Property(i => i.Unit).HasMaxLength(50);
            e.Property(i => i.Comparator).HasMaxLength(20);
            e.Property(i => i.Direction).HasMaxLength(20);
            e.HasIndex(i => i.OrganisationPath);
            e.HasIndex(i => new { i.NormalisedName, i.Year });
            e.HasQueryFilter(i => (ScopePath == null || i.OrganisationPath.StartsWith(ScopePath))
                                  && (!PublishedOnly || i.Fact!.Status == FormStatus.Published)
                                  && (EvaluatorAgencyId == null || (i.Fact!.ProjectId != null && evaluatorProjects.Contains(i.Fact.ProjectId.Value))));
        });

        b.Entity<FormVersion>(e =>
        {
            e.HasIndex(v => new { v.FormId, v.Number }).IsUnique();
            e.HasOne(v => v.Form).WithMany().HasForeignKey(v => v.FormId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(v => v.Justifications).WithOne(j => j.Version).HasForeignKey(j => j.VersionId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(v => (ScopePath == null || v.Form!.Organisation!.Path.StartsWith(ScopePath))
                                  && (!PublishedOnly || v.Form!.Status == FormStatus.Published)
                                  && (EvaluatorAgencyId == null || (v.Form!.ProjectId != null && evaluatorProjects.Contains(v.Form.ProjectId.Value))));
        });

        b.Entity<FindingJustification>(e =>
            e.HasQueryFilter(j => !PublishedOnly && (ScopePath == null || j.Version!.Form!.Organisation!.Path.StartsWith(ScopePath))
                                  && (EvaluatorAgencyId == null || (j.Version!.Form!.ProjectId != null && evaluatorProjects.Contains(j.Version.Form.ProjectId.Value)))));

        b.Entity<WorkflowTransition>(e =>
        {
            e.Property(t => t.Action).HasConversion<string>().HasMaxLength(16);
            e.Property(t => t.From).HasConversion<string>().HasMaxLength(32);
            e.Property(t => t.To).HasConversion<string>().HasMaxLength(32);
            e.HasIndex(t => t.FormId);
            e.HasOne(t => t.Form).WithMany().HasForeignKey(t => t.FormId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(t => (ScopePath == null || t.Form!.Organisation!.Path.StartsWith(ScopePath))
                                  && (EvaluatorAgencyId == null || (t.Form!.ProjectId != null && evaluatorProjects.Contains(t.Form.ProjectId.Value))));
        });

        b.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.Action).HasMaxLength(32);
            e.Property(a => a.EntityType).HasMaxLength(64);
            e.Property(a => a.EntityId).HasMaxLength(64);
            e.Property(a => a.OrganisationPath).HasMaxLength(1000);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasIndex(a => a.OrganisationPath);
            e.HasQueryFilter(a => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || a.OrganisationPath.StartsWith(ScopePath)));
        });

        b.Entity<ApiToken>(e =>
        {
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<ImportJob>(e =>
        {
            e.Property(j => j.State).HasConversion<string>().HasMaxLength(16);
            e.Property(j => j.UserId).HasMaxLength(450);
            e.Property(j => j.UserName).HasMaxLength(256);
            e.Property(j => j.OrganisationPath).HasMaxLength(1000);
            e.Property(j => j.LeaseOwner).HasMaxLength(100);
            e.Property(j => j.Error).HasMaxLength(2000);
            e.Property(j => j.SavedFormIds).HasMaxLength(4000);
            // Workers look for queued jobs and expired leases; the quota sums a user's recent uploads.
            e.HasIndex(j => new { j.State, j.LeaseUntil });
            e.HasIndex(j => new { j.UserId, j.CreatedAt });
            e.HasMany(j => j.Files).WithOne(f => f.Job).HasForeignKey(f => f.JobId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(j => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || j.OrganisationPath.StartsWith(ScopePath)));
        });
        b.Entity<ImportJobFile>(e =>
        {
            e.Property(f => f.Name).HasMaxLength(260);
            e.HasIndex(f => new { f.JobId, f.Position }).IsUnique();
            e.HasQueryFilter(f => !PublishedOnly && EvaluatorAgencyId == null && (ScopePath == null || f.Job!.OrganisationPath.StartsWith(ScopePath)));
        });

        b.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(ColumnLengths.PersonName);
            e.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });

        ConfigureRounds(b);
        ConfigureResults(b);
        ConfigureRectification(b);
        ConfigureTargetReview(b);
        ConfigureLibrary(b);
        ConfigureOverview(b);
        ConfigureExecution(b);
        ConfigureEvaluators(b);
    }

    /// <summary>
    /// History is append-only: the audit trail, workflow transitions and submitted versions with their justifications
    /// are never changed or removed; a save that would do so fails whole.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using (DetectedOnce()) return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using (DetectedOnce()) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // RefuseAuditRewrites detects the changes; EF's own second pass over every tracked row would only repeat it.
    private AutoDetectRestored DetectedOnce()
    {
        RefuseAuditRewrites();
        var restore = new AutoDetectRestored(ChangeTracker, ChangeTracker.AutoDetectChangesEnabled);
        ChangeTracker.AutoDetectChangesEnabled = false;
        return restore;
    }

    private sealed class AutoDetectRestored(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker tracker, bool enabled) : IDisposable
    {
        public void Dispose() => tracker.AutoDetectChangesEnabled = enabled;
    }

    private void RefuseAuditRewrites()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Modified or EntityState.Deleted)) continue;
            var what = entry.Entity switch
            {
                AuditEntry => "审计记录",
                WorkflowTransition => "流转记录",
                FormVersion or FindingJustification => "已提交的版本",
                BudgetDecision => "预算安排决定",
                RulebookChoice => "规则选择记录",
                _ => null,
            };
            if (what is not null) throw new InvalidOperationException($"{what}只能追加，不能修改或删除。");
        }
    }

    /// <summary>
    /// <see cref="DbContext.Entry{TEntity}(TEntity)"/> without its detection of changes to that entity, for asking what
    /// detecting a changed column cannot alter (added or detached, a collection loaded or not). Entry compared every
    /// column of the form's row and of its fact with their snapshots, the body among them, twice a save (2 % of its
    /// processor time, perf); SaveChanges detects the changes once anyway.
    /// </summary>
    public Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<TEntity> TrackedEntry<TEntity>(TEntity entity) where TEntity : class
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try { return Entry(entity); }
        finally { ChangeTracker.AutoDetectChangesEnabled = detect; }
    }

    /// <summary>Appends one audit entry (saved with the caller's next SaveChanges, so in the same transaction).</summary>
    public void Audit(Actor actor, DateTimeOffset at, string action, string entityType, string entityId, string organisationPath,
        string? field = null, string? before = null, string? after = null) =>
        AuditEntries.Add(NewAuditEntry(actor, at, action, entityType, entityId, organisationPath, field, before, after));

    /// <summary>The entry <see cref="Audit"/> appends, not yet added anywhere (a bulk load writes its own).</summary>
    public static AuditEntry NewAuditEntry(Actor actor, DateTimeOffset at, string action, string entityType, string entityId, string organisationPath,
        string? field = null, string? before = null, string? after = null) =>
        new()
        {
            At = at,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            OrganisationPath = organisationPath,
            Field = field,
            Before = before,
            After = after,
        };
}
