using System;
using System.Globalization;
using ContractKit.Model;

namespace ContractKit.AspNetCore.Mock;

/// <summary>Strings by format and numbers within limits, for <see cref="ExampleSynthesizer"/>.</summary>
internal static class ScalarSynthesis
{
    public static string Text(string? format, Constraints constraints, Random? random)
    {
        var text = format switch
        {
            "date-time" => random is null ? "2024-01-01T00:00:00Z" : new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(200_000_000)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            "date" => "2024-01-01",
            "time" => "12:00:00Z",
            "email" => "user@example.com",
            "uri" or "url" or "iri" => "https://example.com/resource",
            "uri-reference" => "/resource",
            "uuid" => random is null ? "00000000-0000-4000-8000-000000000000" : Guid.NewGuid().ToString(),
            "ipv4" => "192.0.2.1",
            "ipv6" => "2001:db8::1",
            "hostname" => "example.com",
            "byte" => "c3RyaW5n",
            "duration" => "PT1H",
            _ => random is null ? "string" : "string-" + random.Next(100_000).ToString(CultureInfo.InvariantCulture),
        };
        if (constraints.MinLength is { } min && text.Length < min)
        {
            text = text.PadRight(min, 'x');
        }

        if (constraints.MaxLength is { } max && text.Length > max)
        {
            text = text[..max];
        }

        return text;
    }

    public static double Number(Constraints constraints, bool integer, Random? random)
    {
        var low = Parse(constraints.Minimum) ?? (Parse(constraints.ExclusiveMinimum) is { } exclusiveLow ? exclusiveLow + (integer ? 1 : 0.5) : (double?)null);
        var high = Parse(constraints.Maximum) ?? (Parse(constraints.ExclusiveMaximum) is { } exclusiveHigh ? exclusiveHigh - (integer ? 1 : 0.5) : (double?)null);
        var value = low ?? Math.Min(0, high ?? 0);
        if (random is not null)
        {
            var span = Math.Min((high ?? value + 100) - value, 100);
            value += Math.Floor(random.NextDouble() * (span + 1));
        }

        if (integer)
        {
            value = Math.Ceiling(value);
        }

        if (constraints.MultipleOf is { } step && step > 0)
        {
            value = Math.Ceiling(value / (double)step) * (double)step;
        }

        return high is { } h && value > h ? h : value;
    }

    private static double? Parse(string? text) =>
        text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
