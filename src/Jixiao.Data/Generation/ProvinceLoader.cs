using System.Diagnostics;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Generation;

/// <summary>What a load wrote and how long it took.</summary>
public sealed record LoadTotals(int Organisations, int Users, int Projects, int Forms, int IndicatorRows, int Versions, int ErrorForms, TimeSpan Elapsed);

/// <summary>How a province is loaded: the checker (as the app registers it), its rulebook, and the generated users' password.</summary>
public sealed record LoadSettings(Func<PerformanceForm, IReadOnlyList<Finding>> Check, Rulebook Rulebook, TimeProvider Clock)
{
    /// <summary>One password for every generated account (hashed once); null leaves the accounts without one.</summary>
    public string? Password { get; init; }

    /// <summary>Marks the accounts as demo accounts (a production start refuses a database holding any).</summary>
    public bool Demo { get; init; }

    /// <summary>Units per batch: each batch is one transaction (one COPY per table on PostgreSQL, one SaveChanges on SQLite).</summary>
    public int BatchUnits { get; init; } = 25;

    public IProgress<string>? Progress { get; init; }

    /// <summary>On PostgreSQL, write by binary COPY (the default); false writes through SaveChanges, as the tests compare.</summary>
    internal bool Copy { get; init; } = true;
}

/// <summary>
/// Loads a generated province into an empty database through the app's own write path: every form is checked by the
/// given checker and written by <see cref="FormStore.Write"/> (body, findings, facts), gets the audit entry of a
/// creation, and is moved along the workflow to its generated state the way FormService moves it — a submitted version
/// with the justifications of its error findings, one transition and one audit entry per step, the fact following the
/// state. Units go in batches, each in one transaction and in its final state (every row is new, so none is written
/// twice), so memory stays flat whatever the size. On PostgreSQL the rows go by binary COPY (<see cref="PostgresCopy"/>):
/// one INSERT and one RETURNING round trip per row through SaveChanges was three quarters of the load's time.
/// </summary>
public static class ProvinceLoader
{
    private sealed record Person(string Id, string Name)
    {
        public Actor Actor => new(Id, Name);
    }

    public static async Task<LoadTotals> LoadAsync(AppDbContext db, ProvinceGenerator generator, LoadSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(settings);
        if (await db.Organisations.IgnoreQueryFilters().AnyAsync(ct))
            throw new InvalidOperationException("数据库中已有组织机构，生成的省（市）只能载入空数据库。");
        var watch = Stopwatch.StartNew();
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // SQLite: the library's and the overview's triggers would apply every row's delta one by one; they are taken out for
        // the load and the totals rebuilt from the facts at its end, also after a failure (the batches written by then are the facts).
        var sqlite = db.Database.IsSqlite();
        if (sqlite) await db.Database.ExecuteSqlRawAsync(LibrarySummarySqlite.Uninstall + OverviewTotalsSqlite.Uninstall, ct);
        try
        {
            return await Load(db, generator, settings, watch, ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
            db.ChangeTracker.Clear();
            if (sqlite)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
                await db.Database.ExecuteSqlRawAsync(LibrarySummarySqlite.Install, CancellationToken.None);
                await db.Database.ExecuteSqlRawAsync(LibrarySummarySqlite.Rebuild, CancellationToken.None);
                await db.Database.ExecuteSqlRawAsync(OverviewTotalsSqlite.Install, CancellationToken.None);
                await db.Database.ExecuteSqlRawAsync(OverviewTotalsSqlite.Rebuild, CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
            }
        }
    }

    private static async Task<LoadTotals> Load(AppDbContext db, ProvinceGenerator generator, LoadSettings settings, Stopwatch watch, CancellationToken ct)
    {
        var now = settings.Clock.GetUtcNow();

        // Organisations: parents first, so every child has its parent's id.
        var organisations = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        foreach (var level in generator.Organisations.GroupBy(o => o.Kind).OrderBy(g => g.Key))
            foreach (var chunk in level.Chunk(2000))
            {
                foreach (var o in chunk)
                {
                    var organisation = new Organisation
                    {
                        Code = o.Code, Name = o.Name, Kind = o.Kind, Path = o.Path,
                        ParentId = o.ParentCode is null ? null : organisations[o.ParentCode].Id,
                    };
                    organisations[o.Code] = organisation;
                    db.Organisations.Add(organisation);
                }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        var years = new Dictionary<int, FiscalYear>();
        foreach (var y in generator.Years)
        {
            years[y] = await db.FiscalYears.SingleOrDefaultAsync(f => f.Year == y, ct) ?? db.FiscalYears.Add(new FiscalYear { Year = y }).Entity;
        }
        await db.SaveChangesAsync(ct);

        var people = await Users(db, generator, settings, organisations, ct);
        settings.Progress?.Report($"组织机构 {organisations.Count} 个、用户 {people.Count} 个已载入");

        var finance = people.Values.First(p => p.Role == Roles.FinanceReviewer).Person;
        var reviewers = people.Values.Where(p => p.Role == Roles.DepartmentReviewer).ToDictionary(p => p.Organisation, p => p.Person, StringComparer.Ordinal);
        var departmentCodes = organisations.Values.Where(o => o.Kind == OrganisationKind.Department).ToDictionary(o => o.Id, o => o.Code);
        var fillers = people.Values.Where(p => p.Role == Roles.UnitFiller).ToDictionary(p => p.Organisation, p => p.Person, StringComparer.Ordinal);

        int projects = 0, forms = 0, rows = 0, versions = 0, errorForms = 0, done = 0;
        // PostgreSQL takes the rows by binary COPY; SQLite, in process, by SaveChanges. Either way a batch is one transaction.
        var copy = db.Database.IsNpgsql() && settings.Copy ? new PostgresCopy(db) : null;
        var ids = new Ids(db, copy);
        // Generating, checking and scoring are pure and take most of the processor: the next batch is prepared on every
        // core while this thread writes the current one, so the database's work overlaps the loader's.
        var chunks = Enumerable.Range(0, generator.UnitCount).Chunk(settings.BatchUnits).ToList();
        Prepared Prepare(int[] indices)
        {
            var batch = indices.AsParallel().AsOrdered().Select(generator.Unit).ToArray();
            var projectsOf = new List<BudgetProject>();
            var writes = new List<(FormRecord Record, GeneratedForm Generated, FormPlace Place, BudgetProject? Project)>();
            foreach (var unit in batch)
            {
                var organisation = organisations[unit.Unit.Code];
                var place = new FormPlace(organisation, organisations[unit.Department.Code]);
                var budgetProjects = new Dictionary<(string, int), BudgetProject>();
                foreach (var p in unit.Projects)
                    foreach (var y in p.Years)
                    {
                        var project = new BudgetProject { Code = p.Code, Name = p.Name, OrganisationId = organisation.Id, FiscalYearId = years[y].Id, BudgetYuan = p.BudgetYuan };
                        budgetProjects[(p.Code, y)] = project;
                        projectsOf.Add(project);
                    }
                foreach (var generated in unit.Forms)
                {
                    var form = generated.Form;
                    var year = years[form.Year!.Value];
                    var project = generated.ProjectCode is { } code ? budgetProjects[(code, year.Year)] : null;
                    // Units before this batch: the filing times spread as they did when batches ran one after another.
                    var at = When(year.Year, indices[0], now);
                    var record = new FormRecord
                    {
                        Organisation = organisation, OrganisationId = organisation.Id, FiscalYear = year, FiscalYearId = year.Id, Project = project,
                        Status = FormStatus.Draft, Revision = 1, CreatedAt = at, UpdatedAt = at,
                        UniqueKey = FormIdentity.Key(organisation.Path, year.Year, form.Kind, project?.Name ?? form.Project, form.MonitoringMonths),
                    };
                    writes.Add((record, generated, place, project));
                }
            }
            // FormStore.Write only sets properties of the new, not yet written record and its rows: safe in parallel.
            var findingsOf = new IReadOnlyList<Finding>[writes.Count];
            Parallel.For(0, writes.Count, new ParallelOptions { CancellationToken = ct }, i =>
            {
                var (record, generated, place, _) = writes[i];
                findingsOf[i] = settings.Check(generated.Form);
                FormStore.Write(record, generated.Form, findingsOf[i], settings.Rulebook, place, record.CreatedAt);
            });
            return new Prepared(batch.Length, batch.Select(u => u.Unit.Code).ToList(), projectsOf, writes, findingsOf);
        }

        var next = chunks.Count > 0 ? Task.Run(() => Prepare(chunks[0]), ct) : null;
        for (var c = 0; c < chunks.Count; c++)
        {
            var prepared = await next!;
            // The next chunk is taken here, not inside the lambda: a for loop has one variable for all its turns, and a task
            // that started late read it after the loop had moved on, so it prepared the wrong chunk, or one past the end
            // (the fixtures of two test classes failed so in two of eight local runs).
            var following = c + 1 < chunks.Count ? chunks[c + 1] : null;
            next = following is null ? null : Task.Run(() => Prepare(following), ct);
            // Every row of the batch, new and linked by keys (foreign keys set, not only navigations), in its final state.
            // Keys are given here, before the rows are written: forms name their project, audit entries their form.
            var added = new List<object>();
            foreach (var project in prepared.Projects)
            {
                project.Id = await ids.Next<BudgetProject>(ct);
                added.Add(project);
                projects++;
            }
            var writes = prepared.Writes;
            var findingsOf = prepared.Findings;
            foreach (var (record, _, _, project) in writes)
            {
                record.Id = await ids.Next<FormRecord>(ct);
                record.ProjectId = project?.Id;
                // FormStore.Write ran before the project had its key (the fact's and the findings' copies are for evaluators' filters).
                if (record.Fact is { } fact)
                {
                    fact.ProjectId = record.ProjectId;
                    foreach (var finding in record.Findings) FormStore.Scope(finding, fact);
                    // The rows are no longer those the fingerprint was taken of: the first save reads and rewrites them.
                    fact.RowsHash = null;
                }
            }

            // The creation's audit entry names the form, then the workflow steps bring it to its state; all rows are new,
            // so each is written once, in its final state.
            for (var i = 0; i < writes.Count; i++)
            {
                var (record, generated, place, _) = writes[i];
                var findings = findingsOf[i];
                var unit = place.Organisation;
                added.Add(record);
                foreach (var finding in record.Findings) { finding.FormId = record.Id; added.Add(finding); }
                var fact = record.Fact!;
                fact.FormId = record.Id;
                added.Add(fact);
                foreach (var indicator in fact.Indicators) { indicator.FormId = record.Id; added.Add(indicator); }
                forms++;
                rows += generated.Form.Indicators.Count;
                if (findings.Any(f => f.Severity == Severity.Error)) errorForms++;
                var filler = fillers[unit.Code];
                var at = record.CreatedAt;
                added.Add(AppDbContext.NewAuditEntry(filler.Actor, at, "create", "form", Id(record), unit.Path, "表单", null,
                    $"{record.Kind.ChineseName()} {record.ProjectName ?? record.UnitName ?? unit.Name}"));
                if (generated.Status == FormStatus.Draft) continue;
                var reviewer = reviewers[departmentCodes[place.DepartmentId!.Value]];
                at = at.AddDays(1);
                await Submit(added, ids, record, generated.Form, findings, filler, at, ct);
                versions++;
                if (generated.Status == FormStatus.Returned)
                {
                    Move(added, record, WorkflowAction.Return, FormStatus.Returned, reviewer, at.AddDays(2), "请补充指标完成情况的佐证材料后重新提交。", null);
                    continue;
                }
                if (generated.Status == FormStatus.Submitted) continue;
                Move(added, record, WorkflowAction.Approve, FormStatus.DepartmentApproved, reviewer, at.AddDays(3), "同意。", null);
                if (generated.Status == FormStatus.DepartmentApproved) continue;
                Move(added, record, WorkflowAction.Approve, FormStatus.FinanceApproved, finance, at.AddDays(6), "复核通过。", null);
                if (generated.Status == FormStatus.FinanceApproved) continue;
                Move(added, record, WorkflowAction.Publish, FormStatus.Published, finance, at.AddDays(9), null, null);
            }
            if (copy is not null) await copy.WriteAsync(added, ct);
            else
            {
                db.ChangeTracker.Clear();
                foreach (var year in years.Values) db.FiscalYears.Attach(year);
                foreach (var code in prepared.UnitCodes) db.Organisations.Attach(organisations[code]);
                db.AddRange(added);
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            done += prepared.Units;
            settings.Progress?.Report($"已载入 {done}/{generator.UnitCount} 个单位，{forms} 张表（{watch.Elapsed.TotalSeconds:0} 秒）");
        }
        if (copy is not null) await copy.FinishAsync(ct);
        return new LoadTotals(organisations.Count, people.Count, projects, forms, rows, versions, errorForms, watch.Elapsed);
    }

    /// <summary>A batch generated, checked and written into its records, waiting for its keys and its workflow rows.</summary>
    private sealed record Prepared(int Units, List<string> UnitCodes, List<BudgetProject> Projects,
        List<(FormRecord Record, GeneratedForm Generated, FormPlace Place, BudgetProject? Project)> Writes, IReadOnlyList<Finding>[] Findings);

    private sealed record Account(string Role, string Organisation, Person Person);

    private static async Task<Dictionary<string, Account>> Users(AppDbContext db, ProvinceGenerator generator, LoadSettings settings,
        Dictionary<string, Organisation> organisations, CancellationToken ct)
    {
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        foreach (var name in Roles.All.Where(r => !roles.ContainsKey(r)))
        {
            var role = new IdentityRole(name) { NormalizedName = name.ToUpperInvariant() };
            db.Roles.Add(role);
            roles[name] = role.Id;
        }
        // One hash for every account: hashing is deliberately slow, and these are generated accounts with one known password.
        var hash = settings.Password is null ? null : new PasswordHasher<AppUser>().HashPassword(new AppUser(), settings.Password);
        var accounts = new Dictionary<string, Account>(StringComparer.Ordinal);
        foreach (var chunk in generator.Users.Chunk(2000))
        {
            foreach (var u in chunk)
            {
                var user = new AppUser
                {
                    UserName = u.UserName, NormalizedUserName = u.UserName.ToUpperInvariant(), DisplayName = u.DisplayName,
                    OrganisationId = organisations[u.OrganisationCode].Id, PasswordHash = hash, IsDemo = settings.Demo,
                    LockoutEnabled = true, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
                };
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[u.Role] });
                accounts[u.UserName] = new Account(u.Role, u.OrganisationCode, new Person(user.Id, u.UserName));
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return accounts;
    }

    /// <summary>The submitted version, as FormService.Submit writes it: the body, its findings, a justification per error.</summary>
    private static async Task Submit(List<object> added, Ids ids, FormRecord record, PerformanceForm form, IReadOnlyList<Finding> findings, Person filler, DateTimeOffset at, CancellationToken ct)
    {
        var errors = findings.Where(f => f.Severity == Severity.Error).ToList();
        var version = new FormVersion
        {
            Id = await ids.Next<FormVersion>(ct),
            FormId = record.Id,
            Number = record.LatestVersion + 1,
            CreatedAt = at,
            CreatedById = filler.Id,
            CreatedByName = filler.Name,
            FormJson = FormBody.Serialize(form),
            SchemaVersion = FormBody.CurrentVersion,
            FindingsJson = FormJson.SerializeFindings(findings),
            Justifications = errors.Select(f => new FindingJustification
            {
                FindingCode = f.Code,
                FindingLocation = f.Location.ToString(),
                FindingMessage = f.Message,
                Text = "按原始凭证如实填报，已向主管部门书面说明。",
            }).ToList(),
        };
        foreach (var j in version.Justifications) j.VersionId = version.Id;
        added.Add(version);
        added.AddRange(version.Justifications);
        record.LatestVersion = version.Number;
        Move(added, record, WorkflowAction.Submit, FormStatus.Submitted, filler, at, null, version.Number);
        foreach (var j in version.Justifications)
            added.Add(AppDbContext.NewAuditEntry(filler.Actor, at, "justify", "form", Id(record), record.Organisation!.Path, $"说明 {j.FindingCode} {j.FindingLocation}", null, j.Text));
    }

    private static void Move(List<object> added, FormRecord record, WorkflowAction action, FormStatus to, Person who, DateTimeOffset at, string? reason, int? versionNumber)
    {
        added.Add(new WorkflowTransition
        {
            FormId = record.Id, Action = action, From = record.Status, To = to, At = at,
            UserId = who.Id, UserName = who.Name, Reason = reason, VersionNumber = versionNumber,
        });
        added.Add(AppDbContext.NewAuditEntry(who.Actor, at, action.ToString().ToLowerInvariant(), "form", Id(record), record.Organisation!.Path, "状态",
            record.Status.ChineseName(), to.ChineseName() + (reason is null ? "" : $"（{reason}）")));
        record.Status = to;
        record.Revision++;
        record.UpdatedAt = at;
        FormStore.Moved(record, at);
    }

    /// <summary>
    /// Keys of the rows others refer to, given by the loader: from the PostgreSQL COPY's counters (which also move the
    /// sequences past them), or on SQLite one after the largest stored key of the table.
    /// </summary>
    private sealed class Ids(AppDbContext db, PostgresCopy? copy)
    {
        private readonly Dictionary<Type, int> last = [];

        public async Task<int> Next<T>(CancellationToken ct) where T : class
        {
            if (copy is not null) return await copy.NextIdAsync<T>(ct);
            if (!last.TryGetValue(typeof(T), out var id))
                id = await db.Set<T>().IgnoreQueryFilters().MaxAsync(e => (int?)EF.Property<int>(e, "Id"), ct) ?? 0;
            last[typeof(T)] = ++id;
            return id;
        }
    }

    private static string Id(FormRecord record) => record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// When a form of a year was filed: self-evaluations are filled from mid-January of the next year, spread over the
    /// weeks units take; never after now.
    /// </summary>
    private static DateTimeOffset When(int year, int unitIndex, DateTimeOffset now)
    {
        // 09:00 Beijing time, stored in UTC (PostgreSQL keeps timestamptz only at offset 0).
        var at = new DateTimeOffset(year + 1, 1, 15, 1, 0, 0, TimeSpan.Zero).AddMinutes(unitIndex % 40_000);
        return at < now.AddDays(-10) ? at : now.AddDays(-10);
    }
}
