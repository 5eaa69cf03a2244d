using System.Globalization;
using System.Linq.Expressions;

namespace Jixiao.Data.Model;

/// <summary>
/// One of the overview's two distributions, <see cref="Total"/> and <see cref="Rate"/>: its bands in order, each from the
/// bound of the one before (the first from the floor) up to but not including its own; a value outside them, or
/// none, is in no band (-1). The one place of the bounds and labels: both databases' triggers and rebuilds
/// (Forms/OverviewTotalsSql, OverviewTotalsSqlite) write the bands as <see cref="Sql"/> gives them, and the overview over
/// the facts (Web/Features/Analytics) groups by <see cref="Keyed"/>, so the running totals and the facts agree.
/// </summary>
public sealed class OverviewScale
{
    /// <summary>The computed total's bands; an unscored form is in none (<see cref="TotalSql"/>).</summary>
    public static readonly OverviewScale Total = new(0m,
        [("差 <60", 60m), ("中 60–70", 70m), ("中 70–80", 80m), ("良 80–90", 90m), ("优 90–95", 95m), ("优 95–100", 1000m)]);

    /// <summary>
    /// The execution rate's bands (fractions: 0.95 is 95 %). Rates are kept to 6 decimals (FormStore), so a band up to
    /// 1.000001 takes a rate of exactly 1: 100 % is in 90–100 %, not over it.
    /// </summary>
    public static readonly OverviewScale Rate = new(-1e9m,
        [("<50%", 0.5m), ("50–60%", 0.6m), ("60–70%", 0.7m), ("70–80%", 0.8m), ("80–90%", 0.9m), ("90–100%", 1.000001m), (">100%", 1e12m)]);

    private OverviewScale(decimal floor, (string Label, decimal Below)[] bands) => (this.floor, this.bands) = (floor, bands);

    /// <summary>The least value in a band (the first's).</summary>
    private readonly decimal floor;

    /// <summary>Each band's label (as the overview shows it) and the bound its values stay below.</summary>
    private readonly (string Label, decimal Below)[] bands;

    /// <summary>The bands' labels, in the order of their numbers (0, 1, …).</summary>
    public IEnumerable<string> Labels => bands.Select(b => b.Label);

    /// <summary>
    /// The band of the SQL expression <paramref name="value"/> as a CASE (the same text for PostgreSQL and SQLite), -1
    /// also where the condition <paramref name="none"/> holds.
    /// </summary>
    public string Sql(string value, string? none = null)
    {
        var within = bands[..^1].Select((b, i) => string.Create(CultureInfo.InvariantCulture, $" WHEN {value} < {b.Below} THEN {i}"));
        return string.Create(CultureInfo.InvariantCulture, $"CASE WHEN {(none is null ? "" : none + " OR ")}{value} IS NULL OR {value} < {floor} OR {value} >= {bands[^1].Below} THEN -1{string.Concat(within)} ELSE {bands.Length - 1} END");
    }

    /// <summary>A fact's total band in SQL, from its Scored and ComputedTotal columns' expressions.</summary>
    public static string TotalSql(string scored, string total) => Total.Sql(total, $"NOT {scored}");

    /// <summary>A fact's rate band in SQL, from its ExecutionRate column's expression.</summary>
    public static string RateSql(string rate) => Rate.Sql(rate);

    /// <summary>
    /// A grouping key over the facts with their bands, for EF to compute in SQL as <see cref="Sql"/> does:
    /// <paramref name="key"/>'s second and third parameters stand for the fact's total band and rate band.
    /// </summary>
    public static Expression<Func<FormFact, TKey>> Keyed<TKey>(Expression<Func<FormFact, int, int, TKey>> key)
    {
        var f = key.Parameters[0];
        var total = Total.Of(Expression.Property(f, nameof(FormFact.ComputedTotal)), Expression.Not(Expression.Property(f, nameof(FormFact.Scored))));
        var rate = Rate.Of(Expression.Property(f, nameof(FormFact.ExecutionRate)), null);
        var body = new Substitution(new() { [key.Parameters[1]] = total, [key.Parameters[2]] = rate }).Visit(key.Body);
        return Expression.Lambda<Func<FormFact, TKey>>(body, f);
    }

    /// <summary>The band of a decimal? <paramref name="value"/>, as the conditional <see cref="Sql"/> writes.</summary>
    private Expression Of(Expression value, Expression? none)
    {
        Expression Bound(decimal d) => Expression.Constant(d, typeof(decimal?));
        Expression band = Expression.Constant(bands.Length - 1);
        for (var i = bands.Length - 2; i >= 0; i--) band = Expression.Condition(Expression.LessThan(value, Bound(bands[i].Below)), Expression.Constant(i), band);
        var outside = Expression.OrElse(Expression.OrElse(Expression.Equal(value, Expression.Constant(null, typeof(decimal?))),
            Expression.LessThan(value, Bound(floor))), Expression.GreaterThanOrEqual(value, Bound(bands[^1].Below)));
        return Expression.Condition(none is null ? outside : Expression.OrElse(none, outside), Expression.Constant(-1), band);
    }

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> by) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => by.GetValueOrDefault(node, node);
    }
}
