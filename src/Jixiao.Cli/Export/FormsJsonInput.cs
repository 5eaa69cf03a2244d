using System.Text.Json;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Documents.Writers.OpenData;

namespace Jixiao.Cli.Export;

/// <summary>
/// Reads forms from JSON: the output of <c>jixiao check --format json</c> (<c>{"files":[{"path","forms":[…]}]}</c>) or an
/// open-data file (<c>{"format":"jixiao-open-data","forms":[…]}</c>). Both spell the form fields the same way; the
/// open-data file wraps unit, department and project in <c>{"id","name"}</c> and locations in objects, which are
/// accepted too. Unknown fields are ignored, so newer files still read.
/// </summary>
public static class FormsJsonInput
{
    public static IReadOnlyList<PublishedForm> Read(Stream input)
    {
        using var document = JsonDocument.Parse(input, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("顶层不是 JSON 对象");
        var forms = new List<PublishedForm>();
        if (root.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Array)
        {
            foreach (var file in files.EnumerateArray())
                if (file.TryGetProperty("forms", out var list) && list.ValueKind == JsonValueKind.Array)
                    forms.AddRange(list.EnumerateArray().Select(Form));
        }
        else if (root.TryGetProperty("forms", out var list) && list.ValueKind == JsonValueKind.Array)
            forms.AddRange(list.EnumerateArray().Select(Form));
        else
            throw new FormatException("既没有 files 也没有 forms 数组");
        return forms;
    }

    private static PublishedForm Form(JsonElement json)
    {
        var kindCode = String(json, "kind");
        var kind = FormKinds.FromCode(kindCode) ?? throw new FormatException($"未知的表类型“{kindCode}”");
        var form = new PerformanceForm
        {
            Kind = kind,
            Year = Int(json, "year"),
            Title = String(json, "title"),
            Project = Name(json, "project"),
            Department = Name(json, "department"),
            Unit = Name(json, "unit"),
            MoneyUnit = String(json, "moneyUnit") switch
            {
                "yuan" => MoneyUnit.Yuan,
                "wan-yuan" => MoneyUnit.TenThousandYuan,
                null => null,
                var other => throw new FormatException($"未知的金额单位“{other}”"),
            },
            MonitoringMonths = Int(json, "monitoringMonths"),
            PlannedGoal = String(json, "plannedGoal"),
            ActualGoal = String(json, "actualGoal"),
            Functions = String(json, "functions"),
            StatedWeightTotal = Decimal(json, "statedWeightTotal"),
            StatedTotal = Decimal(json, "statedTotal"),
            StatedGrade = String(json, "statedGrade"),
            Text = String(json, "text"),
            Filler = String(json, "filler"),
            Head = String(json, "head"),
            Incomplete = json.TryGetProperty("incomplete", out var incomplete) && incomplete.ValueKind == JsonValueKind.True,
        };

        foreach (var row in Array(json, "funds"))
            form.Funds.Add(new FundsRow
            {
                Label = String(row, "label") ?? "",
                Role = String(row, "role") switch
                {
                    "part" => FundsRowRole.Part,
                    "source" => FundsRowRole.Source,
                    "structure" => FundsRowRole.Structure,
                    _ => FundsRowRole.Total,
                },
                InitialBudget = Decimal(row, "initialBudget"),
                Budget = Decimal(row, "budget"),
                Executed = Decimal(row, "executed"),
                Transfer = Decimal(row, "transfer"),
                ForecastExecuted = Decimal(row, "forecastExecuted"),
                Weight = Decimal(row, "weight"),
                StatedRate = Rate(row, "statedRate", "statedRateText"),
                StatedScore = Decimal(row, "statedScore"),
            });

        foreach (var row in Array(json, "indicators"))
            form.Indicators.Add(new IndicatorRow
            {
                Level1 = String(row, "level1"),
                Level1Weight = Decimal(row, "level1Weight"),
                Level2 = String(row, "level2"),
                Level2Weight = Decimal(row, "level2Weight"),
                Name = String(row, "name"),
                Content = String(row, "content"),
                Target = String(row, "target"),
                Actual = String(row, "actual"),
                Weight = Decimal(row, "weight"),
                StatedScore = Decimal(row, "statedScore"),
                Explanation = String(row, "explanation"),
                Improvement = String(row, "improvement"),
                MidYearProgress = String(row, "midYearProgress"),
                ExpectedCompletion = String(row, "expectedCompletion"),
                Causes = Array(row, "causes").Select(c => c.GetString()).Aggregate(DeviationCauses.None, (all, c) => all | c switch
                {
                    "funding" => DeviationCauses.Funding,
                    "rules" => DeviationCauses.Rules,
                    "staff" => DeviationCauses.Staff,
                    "hardware" => DeviationCauses.Hardware,
                    "other" => DeviationCauses.Other,
                    _ => DeviationCauses.None,
                }),
                Likelihood = String(row, "likelihood") switch
                {
                    "certain" => CompletionLikelihood.Certain,
                    "possible" => CompletionLikelihood.Possible,
                    "impossible" => CompletionLikelihood.Impossible,
                    _ => null,
                },
                Remark = String(row, "remark"),
            });

        if (json.TryGetProperty("staffing", out var staffing) && staffing.ValueKind == JsonValueKind.Object)
            form.Staffing = new StaffingBlock
            {
                Authorized = Decimal(staffing, "authorized"),
                Actual = Decimal(staffing, "actual"),
                StatedControlRate = Rate(staffing, "statedControlRate", "statedControlRateText"),
            };

        foreach (var row in Array(json, "basicData"))
            form.BasicData.Add(new BasicDataRow
            {
                Label = String(row, "label") ?? "",
                Depth = Int(row, "depth") ?? 0,
                PriorYearFinal = Decimal(row, "priorYearFinal"),
                Budget = Decimal(row, "budget"),
                Final = Decimal(row, "final"),
                Text = String(row, "text"),
            });

        var findings = Array(json, "findings").Select(Finding).ToList();
        return new PublishedForm(form, findings);
    }

    private static Finding Finding(JsonElement json)
    {
        var location = json.TryGetProperty("location", out var l) ? l : default;
        var where = location.ValueKind == JsonValueKind.Object
            ? new FindingLocation(String(location, "block") ?? "", Int(location, "row"), String(location, "field"), String(location, "rowLabel"))
            : new FindingLocation(location.ValueKind == JsonValueKind.String ? location.GetString()! : "");
        return new Finding(
            String(json, "code") ?? "",
            String(json, "severity") switch { "error" => Severity.Error, "warning" => Severity.Warning, _ => Severity.Info },
            String(json, "message") ?? "",
            String(json, "messageEn") ?? "",
            where,
            String(json, "stated"),
            String(json, "expected"),
            String(json, "explanation"));
    }

    private static IEnumerable<JsonElement> Array(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    private static string? String(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A plain string, or the name of an open-data reference object.</summary>
    private static string? Name(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? String(value, "name") : String(json, name);

    private static int? Int(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static decimal? Decimal(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;

    /// <summary>The printed text ("99.99%") when given, else the points with the decimals of the JSON number.</summary>
    private static Percentage? Rate(JsonElement json, string points, string text)
    {
        if (String(json, text) is { } printed && Percentage.TryParse(printed, out var parsed)) return parsed;
        if (!json.TryGetProperty(points, out var value) || value.ValueKind != JsonValueKind.Number) return null;
        var raw = value.GetRawText();
        var dot = raw.IndexOf('.', StringComparison.Ordinal);
        return new Percentage(value.GetDecimal() / 100m, dot < 0 ? 0 : raw.Length - dot - 1);
    }
}
