using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Jixiao.Web.Problems;

namespace Jixiao.Web.Features.Contracts;

/// <summary>One thing wrong with a request body: where (a JSON path such as <c>$.form.funds[0].budget</c>) and what, in Chinese.</summary>
public sealed record ContractError(string Path, string Message);

/// <summary>
/// Checks request bodies against the annotations of their contract types — [Required] (not null), [MinLength] (not blank), [MaxLength] (characters of a
/// string, items of a list), [Range], <see cref="EachMaxLengthAttribute"/> and defined enum values — walking nested
/// records and lists. The same annotations make the published JSON Schema (<see cref="ContractSchema"/>), so the
/// bounds live in one place.
/// </summary>
public static class ContractValidation
{
    private const int MostErrors = 50;

    private sealed record Rule(
        PropertyInfo Property, string Name, string Label, bool Required, int? MinLength, int? MaxLength, int? EachMaxLength, decimal? Min, decimal? Max);

    private static readonly ConcurrentDictionary<Type, Rule[]> Rules = new();

    /// <summary>Every endpoint of the group validates its <see cref="IRequestContract"/> arguments before running.</summary>
    public static RouteGroupBuilder ValidateRequestContracts(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            foreach (var argument in context.Arguments)
                if (argument is IRequestContract body)
                {
                    if (Validate(body) is { Count: > 0 } errors) return Refusal(errors).ToHttp();
                    Passed.AddOrUpdate(body, body);
                }
            return await next(context);
        });

    /// <summary>
    /// Request bodies this request's endpoint filter found valid. The services validate what they are given again (the
    /// editor calls them without the filter); for the same body that reflective walk (about 2 % of an API save's
    /// processor time, perf) is skipped. Nothing changes a body between the filter and its endpoint.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Passed = new();

    public static IReadOnlyList<ContractError> Validate(object body, string root = "$")
    {
        if (Passed.TryGetValue(body, out _)) return [];
        var errors = new List<ContractError>();
        Walk(body, root, errors);
        return errors;
    }

    public static Refusal Refusal(IReadOnlyList<ContractError> errors)
    {
        var shown = errors.Take(5).Select(e => $"{e.Path}：{e.Message}");
        var more = errors.Count > 5 ? $"（另有 {errors.Count - 5} 处）" : "";
        return new Refusal(RefusalKind.Invalid, "请求内容无效", $"提交的内容有 {errors.Count} 处不符合要求：{string.Join("；", shown)}{more}",
            new Dictionary<string, object?> { ["errors"] = errors });
    }

    /// <summary>One field's refusal, for a rule the annotations cannot state (a name already taken …): the same shape, so a screen shows it at the field.</summary>
    public static Refusal FieldRefusal(string path, string message) =>
        new(RefusalKind.Invalid, "请求无效", message, new Dictionary<string, object?> { ["errors"] = new[] { new ContractError(path, message) } });

    // A path is spelled only for an error: building "$.form.indicators[3].name" for every field of every row was most
    // of the walk's cost on a valid body (perf of the API save).
    private readonly record struct At(string Path, string? Name = null, int Index = -1)
    {
        public string Spelled => Index >= 0 ? $"{Path}[{Index}]" : Name is null ? Path : $"{Path}.{Name}";
    }

    private static void Walk(object target, string path, List<ContractError> errors)
    {
        foreach (var rule in RulesOf(target.GetType()))
        {
            if (errors.Count >= MostErrors) return;
            var value = rule.Property.GetValue(target);
            var at = new At(path, rule.Name);
            if (value is null)
            {
                if (rule.Required) Add(errors, at, rule, "不能为空（null）");
                continue;
            }
            Check(value, at, rule, errors);
        }
    }

    private static void Check(object value, At at, Rule rule, List<ContractError> errors)
    {
        switch (value)
        {
            case string text:
                if (text.Trim().Length < rule.MinLength) Add(errors, at, rule, "不能为空");
                if (text.Length > rule.MaxLength)
                    Add(errors, at, rule, $"长度为 {text.Length} 个字符，超过上限 {rule.MaxLength} 个字符");
                break;
            case Enum e:
                if (!IsDefined(e))
                    Add(errors, at, rule, $"值 {Convert.ToInt64(e, CultureInfo.InvariantCulture)} 不是可选值之一（可选：{string.Join("、", Enum.GetNames(e.GetType()))}）");
                break;
            case int or long or decimal or double:
                var number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                if (number < rule.Min || number > rule.Max)
                    Add(errors, at, rule, $"值 {number.ToString(CultureInfo.InvariantCulture)} 超出范围（{Show(rule.Min)}–{Show(rule.Max)}）");
                break;
            case IDictionary<string, string> map:
                if (map.Count > rule.MaxLength) Add(errors, at, rule, $"有 {map.Count} 项，超过上限 {rule.MaxLength} 项");
                foreach (var (key, text) in map)
                {
                    if (text is null) Add(errors, new At(at.Spelled, key), rule, "不能为空（null）");
                    else if (text.Length > rule.EachMaxLength) Add(errors, new At(at.Spelled, key), rule, $"长度为 {text.Length} 个字符，超过上限 {rule.EachMaxLength} 个字符");
                }
                break;
            case IList list:
                if (list.Count > rule.MaxLength) { Add(errors, at, rule, $"有 {list.Count} 项，超过上限 {rule.MaxLength} 项"); break; }
                string? listAt = null;
                for (var i = 0; i < list.Count && errors.Count < MostErrors; i++)
                {
                    var item = list[i];
                    if (item is null) Add(errors, new At(listAt ??= at.Spelled, Index: i), rule, "列表中不能有 null");
                    else if (item is string s) { if (s.Length > rule.EachMaxLength) Add(errors, new At(listAt ??= at.Spelled, Index: i), rule, $"长度为 {s.Length} 个字符，超过上限 {rule.EachMaxLength} 个字符"); }
                    else if (IsContract(item.GetType())) Walk(item, new At(listAt ??= at.Spelled, Index: i).Spelled, errors);
                }
                break;
            default:
                if (IsContract(value.GetType())) Walk(value, at.Spelled, errors);
                break;
        }
    }

    private static bool IsDefined(Enum value)
    {
        var type = value.GetType();
        if (FlagBits.GetOrAdd(type, AllFlags) is not { } all) return Enum.IsDefined(type, value);
        var given = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        return given >= 0 && (given & ~all) == 0;
    }

    /// <summary>Every bit a [Flags] enum defines, null for an enum of plain values; read once per type, not per field.</summary>
    private static readonly ConcurrentDictionary<Type, long?> FlagBits = new();

    private static long? AllFlags(Type type) =>
        type.GetCustomAttribute<FlagsAttribute>() is null
            ? null
            : Enum.GetValues(type).Cast<Enum>().Aggregate(0L, (bits, v) => bits | Convert.ToInt64(v, CultureInfo.InvariantCulture));

    private static bool IsContract(Type type) => type.Assembly == typeof(ContractValidation).Assembly && type.IsClass;

    private static string Show(decimal? bound) => bound?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static void Add(List<ContractError> errors, At at, Rule rule, string what)
    {
        if (errors.Count < MostErrors) errors.Add(new ContractError(at.Spelled, $"{rule.Label}{what}。"));
    }

    private static Rule[] RulesOf(Type type) => Rules.GetOrAdd(type, t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetMethod is not null && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
        .Select(p =>
        {
            var range = p.GetCustomAttribute<RangeAttribute>();
            return new Rule(p, JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                p.GetCustomAttribute<DescriptionAttribute>()?.Description is { } label ? $"“{label}”" : "",
                p.GetCustomAttribute<RequiredAttribute>() is not null,
                p.GetCustomAttribute<MinLengthAttribute>()?.Length,
                p.GetCustomAttribute<MaxLengthAttribute>()?.Length,
                p.GetCustomAttribute<EachMaxLengthAttribute>()?.Length,
                range is null ? null : Convert.ToDecimal(range.Minimum, CultureInfo.InvariantCulture),
                range is null ? null : Convert.ToDecimal(range.Maximum, CultureInfo.InvariantCulture));
        }).ToArray());
}
