using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Jixiao.Data.Generation;

/// <summary>
/// Writes the new entities of a bulk load (plain objects, never tracked) with PostgreSQL's binary COPY instead of
/// SaveChanges: the same rows, columns and values (taken from EF's own model and value converters), without one INSERT
/// statement and one RETURNING round trip per row, which was three quarters of a province's load. Tracking them first
/// was tried and dropped: DetectChanges and per-value entry lookups cost more than the COPY saved. Keys the database
/// would generate are given here from a counter per table; the identity sequences are moved past them afterwards
/// (<see cref="FinishAsync"/>), so the app's later inserts continue from there.
/// </summary>
internal sealed class PostgresCopy(AppDbContext db)
{
    private readonly Dictionary<string, long> lastKey = new(StringComparer.Ordinal);

    /// <summary>The next key of <typeparamref name="T"/>'s table, for entities whose key others must know before they are written.</summary>
    public async Task<int> NextIdAsync<T>(CancellationToken ct)
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = Table(type);
        return checked((int)await Next(table, KeyColumn(type, table), ct));
    }

    /// <summary>
    /// Writes <paramref name="rows"/> (entities of any mapped types, foreign keys set) in one transaction, tables in
    /// foreign-key order. A row whose database-generated key is still 0 gets the next one of its table.
    /// </summary>
    public async Task WriteAsync(IEnumerable<object> rows, CancellationToken ct)
    {
        var byType = rows.GroupBy(r => db.Model.FindEntityType(r.GetType()) ?? throw new InvalidOperationException($"{r.GetType().Name} is not in the model."))
            .ToDictionary(g => g.Key, g => g.ToList());
        // One transaction a batch, as SaveChanges had: a failed batch leaves nothing of itself behind.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        // The library's and the overview's triggers would cost more than the COPY itself, row by row; FinishAsync rebuilds the totals at once.
        await db.Database.ExecuteSqlRawAsync(Forms.LibrarySummarySql.Off, ct);
        await db.Database.ExecuteSqlRawAsync(Forms.OverviewTotalsSql.Off, ct);
        // The portal search's indexes cost several times the COPY when kept row by row; FinishAsync builds them at once.
        if (!portalIndexesDropped) await db.Database.ExecuteSqlRawAsync(Forms.FormSearch.DropIndexesPostgres, ct);
        portalIndexesDropped = true;
        foreach (var type in PrincipalsFirst(byType.Keys))
            await Copy(connection, type, byType[type], ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Moves each written table's identity sequence past the largest key written, rebuilds the indicator library's
    /// and the overview's totals the triggers skipped during the load (a load stopped before this leaves them to the next
    /// rebuild), builds the portal search's indexes the load dropped, and analyses what was written.
    /// </summary>
    public async Task FinishAsync(CancellationToken ct)
    {
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        // The portal's indexes are built on a second connection while the rebuild runs: the rebuild keeps one core busy
        // and only reads the facts, so on two cores the build adds little to the load's time.
        var portalIndexes = BuildPortalIndexesAsync(ct);
        await db.Database.ExecuteSqlRawAsync(Forms.LibrarySummarySql.Rebuild, ct);
        await db.Database.ExecuteSqlRawAsync(Forms.OverviewTotalsSql.Rebuild, ct);
        await portalIndexes;
        foreach (var (table, _) in lastKey)
        {
            var column = keyColumns[table];
            // Table and column names come from the EF model, never from input.
            var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), (SELECT MAX(\"{column}\") FROM \"{table}\"))";
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
        // Statistics for every table written, and the facts' visibility map: without them the planner takes the facts
        // for empty, and the review queue's index-only scans (IX_FormFacts_Queue) read the heap after all, until
        // autovacuum comes round, which after a load may be long after the first users.
        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) \"FormFacts\"", ct);
        await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        db.Database.SetCommandTimeout(timeout);
    }

    private async Task BuildPortalIndexesAsync(CancellationToken ct)
    {
        await using var connection = ((NpgsqlConnection)db.Database.GetDbConnection()).CloneWith(db.Database.GetConnectionString()!);
        await connection.OpenAsync(ct);
        // An index build sorts its keys in this memory; the default (64 MB) spills the inverted index to disk.
        await using var command = new NpgsqlCommand("SET maintenance_work_mem = '256MB';\n" + Forms.FormSearch.InstallPostgres, connection) { CommandTimeout = 3600 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private readonly Dictionary<string, string> keyColumns = new(StringComparer.Ordinal);
    private bool portalIndexesDropped;

    private async Task<long> Next(string table, string column, CancellationToken ct)
    {
        if (!lastKey.TryGetValue(table, out var last))
        {
            keyColumns[table] = column;
            var sql = $"SELECT COALESCE(MAX(\"{column}\"), 0)::bigint AS \"Value\" FROM \"{table}\"";
            last = await db.Database.SqlQueryRaw<long>(sql).SingleAsync(ct);
        }
        lastKey[table] = ++last;
        return last;
    }

    private async Task Copy(NpgsqlConnection connection, IEntityType type, List<object> rows, CancellationToken ct)
    {
        var table = Table(type);
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var properties = type.GetProperties().Where(p => p.GetColumnName(store) is not null).ToList();
        if (properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            throw new InvalidOperationException($"{type.DisplayName()}.{shadow.Name} is a shadow property; the bulk load writes entity properties only.");
        var getters = properties.Select(p => p.GetGetter()).ToArray();
        var generatedKey = type.FindPrimaryKey() is { Properties: [var key] } && key.ValueGenerated == ValueGenerated.OnAdd ? key : null;
        if (generatedKey is not null)
        {
            var column = generatedKey.GetColumnName(store)!;
            var getter = generatedKey.GetGetter();
            foreach (var row in rows)
            {
                var value = Convert.ToInt64(getter.GetClrValueUsingContainingEntity(row), System.Globalization.CultureInfo.InvariantCulture);
                if (value == 0)
                {
                    value = await Next(table, column, ct);
                    generatedKey.PropertyInfo!.SetValue(row, generatedKey.ClrType == typeof(long) ? (object)value : checked((int)value));
                }
                keyColumns[table] = column;
                if (!lastKey.TryGetValue(table, out var last) || value > last) lastKey[table] = value;
            }
        }
        // A foreign key left at 0 would point nowhere: the caller links every row before writing.
        var required = type.GetForeignKeys().SelectMany(f => f.Properties).Where(p => !p.IsNullable && p.ClrType == typeof(int)).Distinct().ToList();
        foreach (var row in rows)
            foreach (var p in required)
                if ((int)p.GetGetter().GetClrValueUsingContainingEntity(row)! == 0)
                    throw new InvalidOperationException($"{type.DisplayName()}.{p.Name} is not set.");

        var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(store)}\""));
        var writers = properties.Select(p => Writer(p, table)).ToArray();
        var converters = properties.Select(p => p.GetTypeMapping().Converter).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        // Written synchronously and typed: per value, the async path and Npgsql resolving an object's type cost more
        // than the value itself (the rows are buffered; a full buffer is sent as it fills).
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            importer.StartRow();
            for (var i = 0; i < writers.Length; i++)
            {
                var value = getters[i].GetClrValueUsingContainingEntity(row);
                if (value is not null && converters[i] is { } converter) value = converter.ConvertToProvider(value);
                if (value is null) importer.WriteNull();
                else writers[i](importer, value);
            }
        }
        await importer.CompleteAsync(ct);
    }

    /// <summary>How one column's provider value is written: typed by the column's PostgreSQL type.</summary>
    private static Action<NpgsqlBinaryImporter, object> Writer(IProperty property, string table)
    {
        var column = property.GetColumnType();
        var name = (column.IndexOf('(', StringComparison.Ordinal) is var open and > 0 ? column[..open] : column).Trim();
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return name switch
        {
            "integer" => (w, v) => w.Write(Convert.ToInt32(v, invariant), NpgsqlDbType.Integer),
            "bigint" => (w, v) => w.Write(Convert.ToInt64(v, invariant), NpgsqlDbType.Bigint),
            "smallint" => (w, v) => w.Write(Convert.ToInt16(v, invariant), NpgsqlDbType.Smallint),
            "boolean" => (w, v) => w.Write((bool)v, NpgsqlDbType.Boolean),
            "numeric" => (w, v) => w.Write((decimal)v, NpgsqlDbType.Numeric),
            "text" or "character varying" => (w, v) => w.Write((string)v, NpgsqlDbType.Text),
            "timestamp with time zone" => (w, v) => w.Write((DateTimeOffset)v, NpgsqlDbType.TimestampTz),
            "date" => (w, v) => w.Write((DateOnly)v, NpgsqlDbType.Date),
            "uuid" => (w, v) => w.Write((Guid)v, NpgsqlDbType.Uuid),
            "double precision" => (w, v) => w.Write((double)v, NpgsqlDbType.Double),
            "bytea" => (w, v) => w.Write((byte[])v, NpgsqlDbType.Bytea),
            _ => throw new InvalidOperationException($"\"{table}\".{property.Name}: column type {column} is not handled by the bulk load."),
        };
    }

    private static string Table(IEntityType type) =>
        type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} is not mapped to a table.");

    private static string KeyColumn(IEntityType type, string table) =>
        type.FindPrimaryKey() is { Properties: [var key] } ? key.GetColumnName(StoreObjectIdentifier.Table(table, type.GetSchema()))!
            : throw new InvalidOperationException($"{type.DisplayName()} has no single-column key.");

    /// <summary>Tables in an order where every foreign key's table comes before the tables that reference it.</summary>
    private static List<IEntityType> PrincipalsFirst(IEnumerable<IEntityType> types)
    {
        var pending = types.ToHashSet();
        var ordered = new List<IEntityType>();
        while (pending.Count > 0)
        {
            var ready = pending.Where(t => !t.GetForeignKeys().Any(f => f.PrincipalEntityType != t && pending.Contains(f.PrincipalEntityType))).ToList();
            if (ready.Count == 0) throw new InvalidOperationException("The added entities' foreign keys form a cycle.");
            foreach (var t in ready.OrderBy(t => t.Name, StringComparer.Ordinal)) { ordered.Add(t); pending.Remove(t); }
        }
        return ordered;
    }
}
