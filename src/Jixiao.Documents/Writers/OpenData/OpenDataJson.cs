using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;

namespace Jixiao.Documents.Writers.OpenData;

/// <summary>
/// Writes published forms as the documented open-data JSON (docs/open-data.schema.json, JSON Schema 2020-12). Amounts
/// are JSON numbers in the form's own money unit, percentages are numbers in percentage points as printed, and every
/// field is always present (null when the form does not state it), so consumers need no guessing.
/// </summary>
public static class OpenDataJson
{
    public const string Format = "jixiao-open-data";
    public const int Version = 1;

    public static void Write(IEnumerable<PublishedForm> forms, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteNumber("version", Version);
        json.WriteStartArray("forms");
        foreach (var published in forms) WriteForm(json, published);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteForm(Utf8JsonWriter json, PublishedForm published)
    {
        var form = published.Form;
        json.WriteStartObject();
        json.WriteString("id", StableIds.Form(form));
        json.WriteString("kind", form.Kind.Code());
        json.WriteString("kindName", form.Kind.ChineseName());
        Number(json, "year", form.Year);
        json.WriteString("title", form.Title);
        Reference(json, "department", StableIds.Organisation(form.Department), form.Department);
        Reference(json, "unit", StableIds.Organisation(form.Unit), form.Unit);
        Reference(json, "project", StableIds.Project(form.Unit, form.Project), form.Project);
        json.WriteString("moneyUnit", form.MoneyUnit?.Code());
        Number(json, "monitoringMonths", form.MonitoringMonths);
        json.WriteString("plannedGoal", form.PlannedGoal);
        json.WriteString("actualGoal", form.ActualGoal);
        json.WriteString("functions", form.Functions);

        json.WriteStartArray("funds");
        foreach (var row in form.Funds)
        {
            json.WriteStartObject();
            json.WriteString("label", row.Label);
            json.WriteString("role", RoleCode(row.Role));
            Number(json, "initialBudget", row.InitialBudget);
            Number(json, "budget", row.Budget);
            Number(json, "executed", row.Executed);
            Number(json, "transfer", row.Transfer);
            Number(json, "forecastExecuted", row.ForecastExecuted);
            Number(json, "weight", row.Weight);
            Number(json, "statedRate", Points(row.StatedRate));
            Number(json, "statedScore", row.StatedScore);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("indicators");
        var ids = StableIds.Indicators(form);
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            var row = form.Indicators[i];
            json.WriteStartObject();
            json.WriteString("id", ids[i]);
            json.WriteNumber("position", i + 1);
            json.WriteString("level1", row.Level1);
            Number(json, "level1Weight", row.Level1Weight);
            json.WriteString("level2", row.Level2);
            Number(json, "level2Weight", row.Level2Weight);
            json.WriteString("name", row.Name);
            json.WriteString("content", row.Content);
            json.WriteString("target", row.Target);
            json.WriteString("actual", row.Actual);
            Number(json, "weight", row.Weight);
            Number(json, "statedScore", row.StatedScore);
            json.WriteString("explanation", row.Explanation);
            json.WriteString("improvement", row.Improvement);
            json.WriteString("midYearProgress", row.MidYearProgress);
            json.WriteString("expectedCompletion", row.ExpectedCompletion);
            json.WriteStartArray("causes");
            foreach (var cause in CauseCodes(row.Causes)) json.WriteStringValue(cause);
            json.WriteEndArray();
            json.WriteString("likelihood", row.Likelihood is { } l ? LikelihoodCode(l) : null);
            json.WriteString("remark", row.Remark);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        Number(json, "statedWeightTotal", form.StatedWeightTotal);
        Number(json, "statedTotal", form.StatedTotal);
        json.WriteString("statedGrade", form.StatedGrade);

        if (form.Staffing is { } staff)
        {
            json.WriteStartObject("staffing");
            Number(json, "authorized", staff.Authorized);
            Number(json, "actual", staff.Actual);
            Number(json, "statedControlRate", Points(staff.StatedControlRate));
            json.WriteEndObject();
        }
        else json.WriteNull("staffing");

        json.WriteStartArray("basicData");
        foreach (var row in form.BasicData)
        {
            json.WriteStartObject();
            json.WriteString("label", row.Label);
            json.WriteNumber("depth", row.Depth);
            Number(json, "priorYearFinal", row.PriorYearFinal);
            Number(json, "budget", row.Budget);
            Number(json, "final", row.Final);
            json.WriteString("text", row.Text);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteString("text", form.Text);
        json.WriteString("filler", form.Filler);
        json.WriteString("head", form.Head);
        json.WriteBoolean("incomplete", form.Incomplete);

        json.WriteStartArray("findings");
        foreach (var finding in published.Findings) WriteFinding(json, finding);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("code", finding.Code);
        json.WriteString("severity", SeverityCode(finding.Severity));
        json.WriteString("message", finding.Message);
        json.WriteString("messageEn", finding.MessageEn);
        json.WriteStartObject("location");
        json.WriteString("block", finding.Location.Block);
        Number(json, "row", finding.Location.Row);
        json.WriteString("field", finding.Location.Field);
        json.WriteString("rowLabel", finding.Location.RowLabel);
        json.WriteEndObject();
        json.WriteString("stated", finding.Stated);
        json.WriteString("expected", finding.Expected);
        json.WriteString("explanation", finding.Explanation);
        json.WriteEndObject();
    }

    private static void Reference(Utf8JsonWriter json, string name, string? id, string? text)
    {
        if (id is null) { json.WriteNull(name); return; }
        json.WriteStartObject(name);
        json.WriteString("id", id);
        json.WriteString("name", text!.Trim());
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    private static void Number(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    /// <summary>A stated percentage in points with exactly the decimals it was printed with (100.00 stays 100.00).</summary>
    public static decimal? Points(Percentage? rate) => rate is { } r
        ? decimal.Parse(r.PrintedPoints.ToString("F" + r.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
        : null;

    public static string RoleCode(FundsRowRole role) => role switch
    {
        FundsRowRole.Total => "total",
        FundsRowRole.Part => "part",
        FundsRowRole.Source => "source",
        FundsRowRole.Structure => "structure",
    };

    public static string SeverityCode(Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Warning => "warning",
        Severity.Error => "error",
    };

    public static string LikelihoodCode(CompletionLikelihood likelihood) => likelihood switch
    {
        CompletionLikelihood.Certain => "certain",
        CompletionLikelihood.Possible => "possible",
        CompletionLikelihood.Impossible => "impossible",
    };

    public static IEnumerable<string> CauseCodes(DeviationCauses causes)
    {
        if (causes.HasFlag(DeviationCauses.Funding)) yield return "funding";
        if (causes.HasFlag(DeviationCauses.Rules)) yield return "rules";
        if (causes.HasFlag(DeviationCauses.Staff)) yield return "staff";
        if (causes.HasFlag(DeviationCauses.Hardware)) yield return "hardware";
        if (causes.HasFlag(DeviationCauses.Other)) yield return "other";
    }
}
