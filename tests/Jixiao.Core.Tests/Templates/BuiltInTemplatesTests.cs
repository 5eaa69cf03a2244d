using Jixiao.Core.Forms;
using Jixiao.Core.Templates;

namespace Jixiao.Core.Tests.Templates;

/// <summary>A broken built-in template fails here, not in a user's import.</summary>
public sealed class Every_built_in_template_validates
{
    [Fact]
    public void The_lexicon_and_every_built_in_template_file_check_without_errors()
    {
        var files = TemplateRegistry.BuiltInFiles();
        Assert.Contains(files, f => f.File.EndsWith("roles.json", StringComparison.Ordinal));
        Assert.True(files.Count >= 7, "expected the lexicon and at least six templates, found " + files.Count);
        var errors = TemplateValidator.Check(files);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void Every_form_kind_with_a_table_has_a_default_template()
    {
        // The ex-ante and evaluation kinds get their templates in the commits that build them (issue 20).
        foreach (var kind in Enum.GetValues<FormKind>().Where(k => k is not (FormKind.Report or FormKind.ExAnteAssessment or FormKind.Evaluation)))
        {
            var t = TemplateRegistry.BuiltIn.Default(kind, 2021);
            Assert.NotNull(t);
            Assert.Equal(kind, t.Kind);
        }
    }

    [Fact]
    public void Template_ids_are_unique_and_every_column_role_is_in_the_lexicon()
    {
        var registry = TemplateRegistry.BuiltIn;
        Assert.Equal(registry.Templates.Count, registry.Templates.Select(t => t.Id).Distinct().Count());
        foreach (var t in registry.Templates)
            foreach (var (block, role) in t.Roles.Where(r => r.Block != "fundsRows"))
                Assert.NotNull(registry.Lexicon.Role(block, role));
    }
}

public sealed class The_validator_names_file_path_and_problem_in_Chinese
{
    private static IReadOnlyList<TemplateError> Check(string json) => TemplateValidator.Check([("my.json", json)]);

    private const string Good = """
        { "id": "my-layout", "version": 1, "kind": "project-self-evaluation", "label": "我的表", "family": "某省", "regions": ["某省"],
          "years": { "from": 2021, "to": 2023 }, "basis": "某省财政厅通知",
          "blocks": [ { "type": "indicators", "columns": [ { "role": "level1" }, { "role": "name" }, { "role": "target" } ] } ] }
        """;

    [Fact]
    public void A_sound_template_has_no_errors() => Assert.Empty(Check(Good));

    [Fact]
    public void An_unknown_role_is_reported_at_its_path()
    {
        var error = Assert.Single(Check(Good.Replace("\"target\"", "\"targget\"", StringComparison.Ordinal)));
        Assert.Equal(("my.json", "$.blocks[0].columns[2].role"), (error.File, error.Path));
        Assert.Contains("targget", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_role_of_another_block_is_not_allowed()
    {
        var error = Assert.Single(Check(Good.Replace("\"target\"", "\"executed\"", StringComparison.Ordinal)));
        Assert.Contains("funds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backwards_years_unknown_kind_and_a_funds_rate_without_budget_are_errors()
    {
        var bad = Good.Replace("\"to\": 2023", "\"to\": 2019", StringComparison.Ordinal)
            .Replace("project-self-evaluation", "project", StringComparison.Ordinal)
            .Replace("\"blocks\": [", "\"blocks\": [ { \"type\": \"funds\", \"columns\": [ { \"role\": \"rate\" } ] },", StringComparison.Ordinal);
        var paths = Check(bad).Select(e => e.Path).ToList();
        Assert.Contains("$.years.to", paths);
        Assert.Contains("$.kind", paths);
        Assert.Contains("$.blocks[0].columns", paths);
    }

    [Fact]
    public void A_family_word_not_written_as_a_key_is_an_error()
    {
        var bad = Good.Replace("{ \"role\": \"target\" }", "{ \"role\": \"target\", \"words\": [\"目标 值（A）\"] }", StringComparison.Ordinal);
        var error = Assert.Single(Check(bad));
        Assert.Equal("$.blocks[0].columns[2].words", error.Path);
    }

    [Fact]
    public void Print_widths_for_roles_the_template_does_not_list_are_errors()
    {
        var bad = Good.Replace("\"blocks\"", "\"print\": { \"widths\": { \"weight\": 8 } }, \"blocks\"", StringComparison.Ordinal);
        Assert.Equal("$.print.widths.weight", Assert.Single(Check(bad)).Path);
    }

    [Fact]
    public void Two_files_with_one_id_are_an_error()
    {
        var errors = TemplateValidator.Check([("a.json", Good), ("b.json", Good)]);
        Assert.Equal(("b.json", "$.id"), (Assert.Single(errors).File, errors[0].Path));
    }

    [Fact]
    public void Broken_json_is_one_error_at_the_root() => Assert.Equal("$", Assert.Single(Check("{ \"id\": ")).Path);
}
