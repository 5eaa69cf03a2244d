using System.Data.Common;
using System.Globalization;
using Jixiao.Core.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Forms;

/// <summary>
/// Forms stored as rows before bodies existed (shape 1 of the storage, <see cref="FormBody"/>): the FormBody
/// migration kept their header fields in LegacyFormHeaders and their rows in LegacyFundsRows, LegacyIndicatorRows and
/// LegacyBasicDataRows. <see cref="FillBodiesAsync"/> turns them into bodies at startup, after the migrations, in
/// batches; it only touches forms whose body is still null, so a restart or a second instance doing the same is
/// harmless. The legacy tables are kept (nothing stored is deleted); their facts are derived by
/// <see cref="FactRederivation"/>, which finds forms without one.
/// </summary>
public static class LegacyForms
{
    public const int BatchSize = 200;

    /// <summary>Fills every missing body from the legacy rows; returns how many forms it filled.</summary>
    public static async Task<int> FillBodiesAsync(AppDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var filled = 0;
            var after = 0;
            while (true)
            {
                var ids = new List<int>();
                await using (var command = connection.CreateCommand())
                {
                    command.CommandText = $"""SELECT "Id" FROM "Forms" WHERE "Body" IS NULL AND "Id" > {after} ORDER BY "Id" LIMIT {BatchSize}""";
                    await using var reader = await command.ExecuteReaderAsync(ct);
                    while (await reader.ReadAsync(ct)) ids.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
                }
                if (ids.Count == 0) return filled;
                after = ids[^1];
                var forms = await ReadAsync(connection, ids, ct);
                await using var transaction = await connection.BeginTransactionAsync(ct);
                foreach (var (id, form) in forms)
                {
                    await using var update = connection.CreateCommand();
                    update.Transaction = transaction;
                    update.CommandText = """UPDATE "Forms" SET "Body" = @body, "SchemaVersion" = @version WHERE "Id" = @id AND "Body" IS NULL""";
                    Parameter(update, "@body", FormBody.Serialize(form));
                    Parameter(update, "@version", FormBody.CurrentVersion);
                    Parameter(update, "@id", id);
                    filled += await update.ExecuteNonQueryAsync(ct);
                }
                await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Parameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    /// <summary>The forms of <paramref name="ids"/> as the legacy rows hold them (also what bench/ compares the body with).</summary>
    public static async Task<List<(int Id, PerformanceForm Form)>> ReadAsync(DbConnection connection, IReadOnlyList<int> ids, CancellationToken ct)
    {
        var list = string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        var forms = new Dictionary<int, PerformanceForm>();
        await Each(connection, $"""
            SELECT f."Id", f."Kind", f."StatedYear", f."Title", f."ProjectName", f."DepartmentName", f."UnitName", f."MonitoringMonths",
                   h."MoneyUnit", h."PlannedGoal", h."ActualGoal", h."Functions", h."StatedWeightTotal", h."StatedTotal", h."StatedGrade",
                   h."HasStaffing", h."StaffingAuthorized", h."StaffingActual", h."StaffingRate", h."StaffingRateDecimals",
                   h."StaffingSource_Row", h."StaffingSource_Column", h."StaffingSource_Sheet", h."StaffingSource_Page",
                   h."Text", h."Filler", h."Head", h."Incomplete", h."ReadingNotes",
                   h."Source_Row", h."Source_Column", h."Source_Sheet", h."Source_Page"
            FROM "Forms" f LEFT JOIN "LegacyFormHeaders" h ON h."Id" = f."Id" WHERE f."Id" IN ({list})
            """, r =>
        {
            var form = new PerformanceForm
            {
                Kind = FormKinds.FromCode(Str(r, 1)) ?? throw new InvalidOperationException($"表单 {Int(r, 0)} 的类型“{Str(r, 1)}”无法识别。"),
                Year = IntOrNull(r, 2),
                Title = Str(r, 3),
                Project = Str(r, 4),
                Department = Str(r, 5),
                Unit = Str(r, 6),
                MonitoringMonths = IntOrNull(r, 7),
                MoneyUnit = Enum<MoneyUnit>(r, 8),
                PlannedGoal = Str(r, 9),
                ActualGoal = Str(r, 10),
                Functions = Str(r, 11),
                StatedWeightTotal = Dec(r, 12),
                StatedTotal = Dec(r, 13),
                StatedGrade = Str(r, 14),
                Staffing = Bool(r, 15)
                    ? new StaffingBlock
                    {
                        Authorized = Dec(r, 16),
                        Actual = Dec(r, 17),
                        StatedControlRate = Rate(Dec(r, 18), IntOrNull(r, 19)),
                        Source = Source(r, 20),
                    }
                    : null,
                Text = Str(r, 24),
                Filler = Str(r, 25),
                Head = Str(r, 26),
                Incomplete = Bool(r, 27),
                Source = Source(r, 29),
            };
            form.ReadingDoubts.AddRange(FormJson.DeserializeDoubts(Str(r, 28)));
            forms[Int(r, 0)] = form;
        }, ct);

        await Each(connection, $"""
            SELECT "FormId", "Label", "Role", "InitialBudget", "Budget", "Executed", "Transfer", "ForecastExecuted", "Weight",
                   "StatedRate", "StatedRateDecimals", "StatedScore", "Source_Row", "Source_Column", "Source_Sheet", "Source_Page"
            FROM "LegacyFundsRows" WHERE "FormId" IN ({list}) ORDER BY "FormId", "Position"
            """, r => forms[Int(r, 0)].Funds.Add(new FundsRow
        {
            Label = Str(r, 1) ?? "",
            Role = Enum<FundsRowRole>(r, 2) ?? default,
            InitialBudget = Dec(r, 3),
            Budget = Dec(r, 4),
            Executed = Dec(r, 5),
            Transfer = Dec(r, 6),
            ForecastExecuted = Dec(r, 7),
            Weight = Dec(r, 8),
            StatedRate = Rate(Dec(r, 9), IntOrNull(r, 10)),
            StatedScore = Dec(r, 11),
            Source = Source(r, 12),
        }), ct);

        await Each(connection, $"""
            SELECT "FormId", "Level1", "Level1Weight", "Level2", "Level2Weight", "Name", "Content", "Target", "Actual", "Weight",
                   "StatedScore", "Explanation", "Improvement", "MidYearProgress", "ExpectedCompletion", "Causes", "Likelihood", "Remark",
                   "Source_Row", "Source_Column", "Source_Sheet", "Source_Page"
            FROM "LegacyIndicatorRows" WHERE "FormId" IN ({list}) ORDER BY "FormId", "Position"
            """, r => forms[Int(r, 0)].Indicators.Add(new IndicatorRow
        {
            Level1 = Str(r, 1),
            Level1Weight = Dec(r, 2),
            Level2 = Str(r, 3),
            Level2Weight = Dec(r, 4),
            Name = Str(r, 5),
            Content = Str(r, 6),
            Target = Str(r, 7),
            Actual = Str(r, 8),
            Weight = Dec(r, 9),
            StatedScore = Dec(r, 10),
            Explanation = Str(r, 11),
            Improvement = Str(r, 12),
            MidYearProgress = Str(r, 13),
            ExpectedCompletion = Str(r, 14),
            Causes = (DeviationCauses)(IntOrNull(r, 15) ?? 0),
            Likelihood = Enum<CompletionLikelihood>(r, 16),
            Remark = Str(r, 17),
            Source = Source(r, 18),
        }), ct);

        await Each(connection, $"""
            SELECT "FormId", "Label", "Depth", "PriorYearFinal", "Budget", "Final", "Text", "Source_Row", "Source_Column", "Source_Sheet", "Source_Page"
            FROM "LegacyBasicDataRows" WHERE "FormId" IN ({list}) ORDER BY "FormId", "Position"
            """, r => forms[Int(r, 0)].BasicData.Add(new BasicDataRow
        {
            Label = Str(r, 1) ?? "",
            Depth = IntOrNull(r, 2) ?? 0,
            PriorYearFinal = Dec(r, 3),
            Budget = Dec(r, 4),
            Final = Dec(r, 5),
            Text = Str(r, 6),
            Source = Source(r, 7),
        }), ct);

        return [.. forms.Select(f => (f.Key, f.Value))];
    }

    private static async Task Each(DbConnection connection, string sql, Action<DbDataReader> row, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) row(reader);
    }

    private static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture);

    private static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    private static int? IntOrNull(DbDataReader r, int i) => r.IsDBNull(i) ? null : Int(r, i);

    private static bool Bool(DbDataReader r, int i) => !r.IsDBNull(i) && Convert.ToBoolean(r.GetValue(i), CultureInfo.InvariantCulture);

    // SQLite keeps decimals as text, PostgreSQL as numeric.
    private static decimal? Dec(DbDataReader r, int i) => r.IsDBNull(i)
        ? null
        : r.GetValue(i) is string s ? decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture) : Convert.ToDecimal(r.GetValue(i), CultureInfo.InvariantCulture);

    private static T? Enum<T>(DbDataReader r, int i) where T : struct, System.Enum =>
        Str(r, i) is { } s && System.Enum.TryParse<T>(s, out var value) ? value : null;

    private static Percentage? Rate(decimal? fraction, int? decimals) => fraction is { } f ? new Percentage(f, decimals ?? 2) : null;

    private static SourcePosition? Source(DbDataReader r, int first) =>
        IntOrNull(r, first) is { } row ? new SourcePosition(row, IntOrNull(r, first + 1) ?? 0, Str(r, first + 2), IntOrNull(r, first + 3)) : null;
}
