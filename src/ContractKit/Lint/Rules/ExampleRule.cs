using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using ContractKit.Model;
using ContractKit.Reporting;
using ContractKit.Runtime.Validation;
using ContractKit.Validation;

namespace ContractKit.Lint.Rules;

/// <summary>
/// CK4001/CK4002: every example and default validates against its schema, with the validator the generated client
/// uses at run time (the model lowered as <see cref="ContractSchemas"/> does), request examples in the request
/// direction and response examples in the response direction.
/// </summary>
internal sealed class ExampleRule : ILintRule
{
    /// <summary>An <c>example</c>/<c>examples</c> value does not validate against its schema.</summary>
    public static readonly LintRuleInfo InvalidExample = new("CK4001", "invalid-example", FindingLevel.Error, "An example does not validate against its schema.");

    /// <summary>A <c>default</c> value does not validate against its schema.</summary>
    public static readonly LintRuleInfo InvalidDefault = new("CK4002", "invalid-default", FindingLevel.Error, "A default does not validate against its schema.");

    public IReadOnlyList<LintRuleInfo> Rules => [InvalidExample, InvalidDefault];

    public bool RunsApart => true;

    private const int MessagesShown = 3;

    public void Check(LintContext context)
    {
        var examples = context.Document.Examples;
        if (context.Model is not { } model)
        {
            context.ExamplesSkipped += examples.Count;
            return;
        }

        var schemas = new ContractSchemas(model);
        var resolver = new ExampleSchemaResolver(context.Read, model, context.Document);

        // Compiling a schema indexes the whole lowered document (thousands of types for a big API), so every use
        // goes into one root schema, as a property of a wrapper object, compiled once: {"u3": example} checks the
        // example against use 3 only, because "properties" evaluates only the properties present.
        var keys = new Dictionary<TypeUse, string>();
        var properties = new JsonObject();
        var checks = new List<(ExampleSite Site, string Key)>();
        foreach (var site in examples)
        {
            if (resolver.Resolve(site.SchemaPointer) is not { } use)
            {
                context.ExamplesSkipped++;
                continue;
            }

            if (!keys.TryGetValue(use, out var key))
            {
                key = "u" + keys.Count.ToString(CultureInfo.InvariantCulture);
                keys[use] = key;
                var lowered = schemas.LowerUse(use);
                lowered.Remove("$schema");
                properties[key] = lowered;
            }

            checks.Add((site, key));
        }

        if (checks.Count == 0)
        {
            return;
        }

        var root = new JsonObject { ["$schema"] = SchemaLowering.Dialect, ["properties"] = properties };
        // One schema for all examples: compiling per example re-indexes the whole document each time (40 s on OpenAI).
        JsonSchemaValidator validator;
        try
        {
            validator = JsonSchemaValidator.Compile(root.ToJsonString(), schemas.Options);
        }
        catch (SchemaCompilationException ex)
        {
            // A schema the validator cannot use (an invalid pattern): said at that schema; the examples stay unchecked.
            context.ExamplesSkipped += checks.Count;
            context.Report(InvalidExample, $"examples cannot be checked: a schema they use is not valid: {ex.Message}", schemas.ModelPointer(ex.SchemaLocation) ?? checks[0].Site.SchemaPointer, null);
            return;
        }

        // A component example used by several media types is reported once per distinct problem.
        // The validator is immutable and the tree is only read, so the examples are checked on every core; the
        // findings are then reported in the examples' order, as before.
        var results = new ValidationResult[checks.Count];
        ParallelWork.For(checks.Count, i =>
        {
            var (site, key) = checks[i];
            var utf8 = Encoding.UTF8.GetBytes("{\"" + key + "\":" + (site.Value?.ToJsonString() ?? "null") + "}");
            results[i] = validator.Validate(utf8, new ValidationOptions { Direction = site.Direction });
        });

        var reported = new HashSet<(string, string)>();
        for (var i = 0; i < checks.Count; i++)
        {
            var (site, key) = checks[i];
            var result = results[i];
            context.ExamplesChecked++;
            if (result.IsValid)
            {
                continue;
            }

            var prefix = "/" + key;
            var errors = result.Errors;
            var details = string.Join("; ", errors.Take(MessagesShown).Select(e => $"{Instance(e.InstanceLocation, prefix)}: {e.Message}"));
            if (errors.Count > MessagesShown || result.ErrorsTruncated)
            {
                details += $"; and {errors.Count - MessagesShown} more";
            }

            var what = site.Kind == ExampleKind.Default ? "default" : "example";
            var direction = site.Direction == ValidationDirection.None ? string.Empty : $" (as a {site.Direction.ToString().ToLowerInvariant()})";
            var message = $"{what} does not validate against its schema{direction}: {details}";
            if (reported.Add((site.ValuePointer, message)))
            {
                context.Report(site.Kind == ExampleKind.Default ? InvalidDefault : InvalidExample, message, site.ValuePointer, site.Operation);
            }
        }
    }

    private static string Instance(string location, string prefix)
    {
        var inner = location.StartsWith(prefix, StringComparison.Ordinal) ? location[prefix.Length..] : location;
        return inner.Length == 0 ? "(root)" : inner;
    }
}
