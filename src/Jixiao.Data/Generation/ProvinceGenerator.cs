using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Core.Templates;
using Jixiao.Data.Model;

namespace Jixiao.Data.Generation;

/// <summary>A node of the generated organisation tree; <see cref="Path"/> as <see cref="Organisation.Path"/>.</summary>
public sealed record GeneratedOrganisation(string Code, string Name, OrganisationKind Kind, string? ParentCode, string Path);

/// <summary>A generated account: one administrator and one finance reviewer at the root, one reviewer per department, one filler per unit.</summary>
public sealed record GeneratedUser(string UserName, string DisplayName, string Role, string OrganisationCode);

/// <summary>A budget project of a unit; a recurring project keeps its code in every year it runs.</summary>
public sealed record GeneratedProject(string Code, string Name, string UnitCode, IReadOnlyList<int> Years, decimal BudgetYuan);

/// <summary>A defect put into a generated form on purpose, by the finding code the checker must report for it.</summary>
public sealed record Defect(string Code, Severity Severity);

/// <summary>One generated form, the project it belongs to, the workflow state it should reach and the defects put into it.</summary>
public sealed record GeneratedForm(PerformanceForm Form, string UnitCode, string? ProjectCode, FormStatus Status, IReadOnlyList<Defect> Defects)
{
    public bool HasErrorDefect => Defects.Any(d => d.Severity == Severity.Error);
}

/// <summary>Everything one unit files over the generated years.</summary>
public sealed record GeneratedUnit(GeneratedOrganisation Unit, GeneratedOrganisation Department, IReadOnlyList<GeneratedProject> Projects, IReadOnlyList<GeneratedForm> Forms);

/// <summary>
/// A fictional province (or, below 300 units, a city) built deterministically from a seed: 财政部门 → 主管部门 (about one
/// per 15 units) → 预算单位, users per role, about ten budget projects per unit and three fiscal years of targets,
/// monitoring tables, project self-evaluations, department-wide self-evaluations with their basic data tables and
/// narrative reports. Row counts, value shapes, text lengths, money units and error shares follow
/// <see cref="CorpusProfile"/>. The tree and the users are small and held; the forms are made unit by unit as
/// <see cref="Units"/> is enumerated, each unit from its own seed, so any unit can be made alone and 10⁴ units never
/// sit in memory together.
/// </summary>
public sealed class ProvinceGenerator
{
    /// <summary>Below this many units the generator makes a city (a 财政局 over the city's bureaus), above it a province.</summary>
    public const int CityUpTo = 300;

    private readonly int seed;
    private readonly List<GeneratedOrganisation> departments = [];
    private readonly List<GeneratedOrganisation> units = [];
    private readonly Dictionary<string, Words.DepartmentType> departmentTypes = new(StringComparer.Ordinal);

    /// <param name="departmentsWanted">主管部门 to make; by default one per 15 units (a demo asks for more to show two reviewers).</param>
    public ProvinceGenerator(int seed, int unitCount, int lastYear = DefaultLastYear, CorpusProfile? profile = null, int? departmentsWanted = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(unitCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(unitCount, MaxUnits);
        this.seed = seed;
        Profile = profile ?? CorpusProfile.Shipped;
        Years = [lastYear - 2, lastYear - 1, lastYear];
        var rng = new Random(Mix(seed, -1));
        var place = Place(rng);
        var isCity = unitCount <= CityUpTo;
        Name = place + (isCity ? "市" : "省");
        var rootCode = (isCity ? "C" : "P") + rng.Next(10, 100).ToString(Inv);
        Root = new GeneratedOrganisation(rootCode, Name + (isCity ? "财政局" : "财政厅"), OrganisationKind.FinanceBureau, null, Organisation.ChildPath(null, rootCode));

        var departmentCount = Math.Clamp(departmentsWanted ?? (int)Math.Round(unitCount / 15m, MidpointRounding.AwayFromZero), 1, unitCount);
        var areas = new List<string> { place + (isCity ? "市" : "省") };
        var usedPlaces = new HashSet<string>(StringComparer.Ordinal) { place };
        for (var i = 0; i < departmentCount; i++)
        {
            var type = Words.Departments[i % Words.Departments.Length];
            var round = i / Words.Departments.Length;
            while (areas.Count <= round)
            {
                var county = Place(rng);
                if (usedPlaces.Add(county)) areas.Add(county + (areas.Count % 3 == 0 ? "区" : "县"));
            }
            var code = rootCode + (i + 1).ToString(departmentCount < 1000 ? "D3" : "D4", Inv);
            var department = new GeneratedOrganisation(code, areas[round] + type.Name, OrganisationKind.Department, rootCode, Organisation.ChildPath(Root.Path, code));
            departments.Add(department);
            departmentTypes[code] = type;
        }
        var perDepartment = new int[departmentCount];
        for (var k = 0; k < unitCount; k++)
        {
            var d = k % departmentCount;
            var department = departments[d];
            var type = departmentTypes[department.Code];
            var j = perDepartment[d]++;
            var round = j / type.Units.Length;
            var area = areas[d / Words.Departments.Length];
            var town = round == 0 ? "" : Place(new Random(Mix(seed, 1_000_000 + d * 100 + round))) + "镇";
            var name = area + town + type.Units[j % type.Units.Length].Replace("{n}", Numeral(j + 1), StringComparison.Ordinal);
            var code = department.Code + (j + 1).ToString("D3", Inv);
            units.Add(new GeneratedOrganisation(code, name, OrganisationKind.Unit, department.Code, Organisation.ChildPath(department.Path, code)));
        }

        var people = new Random(Mix(seed, -2));
        Users =
        [
            new("admin", PersonName(people), Roles.Administrator, rootCode),
            new("finance", PersonName(people), Roles.FinanceReviewer, rootCode),
            .. departments.Select(d => new GeneratedUser("dept-" + d.Code.ToLowerInvariant(), PersonName(people), Roles.DepartmentReviewer, d.Code)),
            .. units.Select(u => new GeneratedUser("unit-" + u.Code.ToLowerInvariant(), PersonName(people), Roles.UnitFiller, u.Code)),
        ];
    }

    public const int DefaultLastYear = 2024;

    /// <summary>The largest province the generator makes (department and unit codes keep their width up to here).</summary>
    public const int MaxUnits = 100_000;

    public CorpusProfile Profile { get; }

    /// <summary>The province's (or city's) name, e.g. 青川省.</summary>
    public string Name { get; }

    /// <summary>The three fiscal years forms are generated for, oldest first.</summary>
    public IReadOnlyList<int> Years { get; }

    public GeneratedOrganisation Root { get; }

    /// <summary>The finance bureau, then the departments, then the units.</summary>
    public IEnumerable<GeneratedOrganisation> Organisations => [Root, .. departments, .. units];

    public IReadOnlyList<GeneratedUser> Users { get; }

    public int UnitCount => units.Count;

    /// <summary>The rulebook generated forms of a year are scored by (the national one of that year).</summary>
    public static Rulebook RulebookFor(int year) => Rulebooks.NationalFor(year);

    /// <summary>Every unit with its projects and forms, made one at a time as the caller enumerates.</summary>
    public IEnumerable<GeneratedUnit> Units()
    {
        for (var k = 0; k < units.Count; k++) yield return Unit(k);
    }

    /// <summary>The unit at <paramref name="index"/> (0-based), made from its own seed: the same every time.</summary>
    public GeneratedUnit Unit(int index)
    {
        var unit = units[index];
        var department = departments.First(d => d.Code == unit.ParentCode);
        return new UnitBuilder(this, unit, department, departmentTypes[department.Code], new Random(Mix(seed, index))).Build();
    }

    /// <summary>A deterministic seed for one part of the province (string.GetHashCode differs per process; this does not).</summary>
    internal static int Mix(int seed, int part)
    {
        unchecked
        {
            var h = (uint)seed * 0x9E3779B1u ^ (uint)part * 0x85EBCA77u;
            h ^= h >> 15;
            h *= 0xC2B2AE3Du;
            h ^= h >> 13;
            return (int)(h & 0x7FFFFFFF);
        }
    }

    internal static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    private static string Place(Random rng) => Words.PlaceFirst[rng.Next(Words.PlaceFirst.Length)] + Words.PlaceSecond[rng.Next(Words.PlaceSecond.Length)];

    internal static string PersonName(Random rng) => Words.Surnames[rng.Next(Words.Surnames.Length)] + Words.GivenNames[rng.Next(Words.GivenNames.Length)];

    private static string Numeral(int n)
    {
        string[] digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        return n switch
        {
            < 10 => digits[n],
            < 20 => "十" + (n % 10 == 0 ? "" : digits[n % 10]),
            < 100 => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]),
            _ => n.ToString(Inv),
        };
    }

    internal static TemplateRegistry Templates => TemplateRegistry.BuiltIn;
}
