using System;
using System.Collections.Generic;
using ContractKit.Reading;

namespace ContractKit.Pipeline;

/// <summary>The <c>--limit name=value</c> settings of a run, for the shells: parsed, applied to the run, and over a config's limits.</summary>
public static class LimitSettings
{
    /// <summary>The limit names with what each bounds (SECURITY.md).</summary>
    public static IReadOnlyDictionary<string, string> Names => SpecLimits.Names;

    /// <summary>Checks <paramref name="settings"/> (<c>name=value</c> each); the error when one is unknown or out of range.</summary>
    public static string? Check(IReadOnlyList<string> settings)
    {
        SpecLimits.Default.TryWith(settings, out _, out var error);
        return error;
    }

    /// <summary>Makes the settings the reading limits of everything this logical thread runs until disposed (they must have passed <see cref="Check"/>).</summary>
    public static IDisposable Apply(IReadOnlyList<string> settings)
    {
        SpecLimits.Default.TryWith(settings, out var limits, out _);
        return SpecLimits.Use(limits);
    }

    /// <summary><paramref name="limits"/> (null: the defaults) with the settings applied over them (they must have passed <see cref="Check"/>).</summary>
    public static SpecLimits ApplyTo(SpecLimits? limits, IReadOnlyList<string> settings)
    {
        (limits ?? SpecLimits.Default).TryWith(settings, out var result, out _);
        return result;
    }

    /// <summary>A config target with the settings applied over its own <c>"limits"</c>.</summary>
    public static SpecTarget Over(SpecTarget target, IReadOnlyList<string> settings)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (settings.Count == 0)
        {
            return target;
        }

        return target with { Limits = ApplyTo(target.Limits, settings) };
    }
}
