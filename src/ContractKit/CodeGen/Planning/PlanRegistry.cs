using System;
using System.Collections.Generic;
using ContractKit.Model;

namespace ContractKit.CodeGen.Planning;

/// <summary>A registry that keeps what the planner reports, for planning without emitting (tests, tools).</summary>
internal sealed class PlanRegistry(ContractModel model) : IPlanRegistry
{
    private readonly HashSet<string> _validatorNames = new(StringComparer.Ordinal);
    private IReadOnlyList<Credential>? _credentials;

    /// <summary>Warnings as (message, JSON pointer), in the order they were made.</summary>
    public List<(string Message, string Pointer)> Warnings { get; } = [];

    /// <summary>Types that are not DTOs registered for the JSON context, by <c>typeof</c> spelling.</summary>
    public SortedSet<string> Serializable { get; } = new(StringComparer.Ordinal);

    /// <summary>The validators registered, in order, each once.</summary>
    public List<(string Name, TypeUse Use)> Validators { get; } = [];

    public IReadOnlyList<Credential> Credentials => _credentials ??= OperationPlanner.PlanCredentials(model, Warn);

    public void Warn(string message, string pointer) => Warnings.Add((message, pointer));

    void IPlanRegistry.Serializable(CSharpType type)
    {
        if (!type.IsNamedType)
        {
            Serializable.Add(type.TypeOfSpelling);
        }
    }

    public string AddValidator(string name, TypeUse use)
    {
        if (_validatorNames.Add(name))
        {
            Validators.Add((name, use));
        }

        return name;
    }
}
