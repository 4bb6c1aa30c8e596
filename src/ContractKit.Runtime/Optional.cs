using System;
using System.Collections.Generic;

namespace ContractKit.Runtime;

/// <summary>
/// A value that can be absent, present as JSON <c>null</c>, or present with a value: what an optional,
/// nullable property of a "modify" (PATCH-like) request needs, where "leave unchanged" and "clear" differ.
/// </summary>
/// <remarks>
/// <c>default(Optional&lt;T&gt;)</c> is <see cref="Absent"/>. Assigning a value (including <c>null</c>) makes it present:
/// <c>request.Metadata = null;</c> sends <c>"metadata": null</c>, while never assigning it omits the property.
/// </remarks>
/// <typeparam name="T">The property's type, usually a nullable one.</typeparam>
public readonly struct Optional<T> : IEquatable<Optional<T>>
{
    private readonly T _value;

    /// <summary>Creates a present value (which may be <c>null</c>).</summary>
    public Optional(T value)
    {
        _value = value;
        IsPresent = true;
    }

    /// <summary>The absent state: the property is not written, and was not in the JSON read.</summary>
    public static Optional<T> Absent => default;

    /// <summary>True when the property was set (to a value or to <c>null</c>); false when absent.</summary>
    public bool IsPresent { get; }

    /// <summary>True when present and <c>null</c>.</summary>
    public bool IsNull => IsPresent && _value is null;

    /// <summary>The value; throws when absent, so that "absent" is never mistaken for <c>null</c>.</summary>
    /// <exception cref="InvalidOperationException">The value is absent.</exception>
    public T Value => IsPresent ? _value : throw new InvalidOperationException("The optional value is absent; check IsPresent first.");

    /// <summary>The value when present, otherwise <paramref name="fallback"/>.</summary>
    public T GetValueOrDefault(T fallback) => IsPresent ? _value : fallback;

    /// <summary>Gets the value when present.</summary>
    public bool TryGetValue(out T value)
    {
        value = _value;
        return IsPresent;
    }

    /// <summary>Wraps a value as present.</summary>
    public static implicit operator Optional<T>(T value) => new(value);

    /// <inheritdoc/>
    public bool Equals(Optional<T> other) =>
        IsPresent == other.IsPresent && (!IsPresent || EqualityComparer<T>.Default.Equals(_value, other._value));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Optional<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => IsPresent ? HashCode.Combine(true, _value) : 0;

    /// <summary>Equality: both absent, or both present with equal values.</summary>
    public static bool operator ==(Optional<T> left, Optional<T> right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Optional<T> left, Optional<T> right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => !IsPresent ? "<absent>" : _value?.ToString() ?? "<null>";
}

/// <summary>Factory helpers for <see cref="Optional{T}"/>.</summary>
public static class Optional
{
    /// <summary>A present value.</summary>
    public static Optional<T> Of<T>(T value) => new(value);

    /// <summary>Present as JSON <c>null</c>.</summary>
    public static Optional<T?> Null<T>() where T : class => new(null);

    /// <summary>
    /// A present map (or <c>null</c>) for a tri-state map property, from any map: <c>IDictionary</c>,
    /// <c>IReadOnlyDictionary</c>, <c>Dictionary</c> or a collection expression of pairs. C# allows no implicit
    /// conversion from an interface type, so <c>request.Metadata = readOnlyMap</c> cannot compile;
    /// <c>request.Metadata = Optional.OfMap(readOnlyMap)</c> does. The entries are copied, in their order.
    /// </summary>
    public static Optional<IDictionary<string, TValue>?> OfMap<TValue>(IEnumerable<KeyValuePair<string, TValue>>? entries)
    {
        if (entries is null)
        {
            return new(null);
        }

        var map = new Dictionary<string, TValue>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return new(map);
    }
}
