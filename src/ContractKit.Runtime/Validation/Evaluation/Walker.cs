using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Evaluation;

/// <summary>
/// The walk: carries the tokenized payload, the evaluation path and the error sink through the compiled keyword
/// tree. Keywords hold the rules; the walker holds the state of one call. Nothing here allocates until an error
/// is reported.
/// </summary>
internal ref partial struct Walker
{
    public readonly ReadOnlySpan<byte> Json;
    public readonly EvaluationState State;
    public readonly TapeToken[] Tokens;
    public readonly ValidationDirection Direction;
    private readonly bool _collectMode;
    private readonly int _maxErrors;
    private readonly int _maxRecursion;

    /// <summary>Above zero while evaluating a branch whose errors are not reported (anyOf, not, if, contains).</summary>
    public int Suppress;

    public List<ValidationError>? Errors;
    public bool Truncated;
    public int Recursion;

    /// <summary>
    /// Set once evaluation went too deep: every schema entered afterwards fails at once. Without it, the keywords
    /// that re-run failed branches for diagnostics (oneOf, anyOf) would go to the limit again at every level on the
    /// way back up: exponential time on a $ref cycle that never consumes the payload.
    /// </summary>
    public bool Aborted;

    public Walker(ReadOnlySpan<byte> json, EvaluationState state, ValidationOptions options, bool collect)
    {
        Json = json;
        State = state;
        Tokens = state.Tape.Tokens;
        Direction = options.Direction;
        _collectMode = collect;
        _maxErrors = Math.Max(options.MaxErrors, 1);
        _maxRecursion = Math.Max(options.MaxDepth, 16) * 8 + 256;
        Suppress = 0;
        Errors = null;
        Truncated = false;
        Recursion = 0;
        Aborted = false;
    }

    /// <summary>True when failures are to be reported in detail; false when only the verdict matters.</summary>
    public readonly bool Collecting => _collectMode && Suppress == 0 && !Truncated;

    /// <summary>True for a collecting walk, which keeps the evaluation path even where errors are suppressed.</summary>
    public readonly bool KeepsPath => _collectMode;

    public readonly ReadOnlySpan<byte> Utf8(int token) => State.Tape.Text(Json, token);

    /// <summary>The members of the object at <paramref name="token"/>: <c>foreach (var (name, ordinal) in w.Members(token))</c>, the value at <c>name + 1</c>.</summary>
    public readonly TapeChildren Members(int token) => TapeChildren.Members(Tokens, token);

    /// <summary>The items of the array at <paramref name="token"/>: <c>foreach (var (item, index) in w.Items(token))</c>.</summary>
    public readonly TapeChildren Items(int token) => TapeChildren.Items(Tokens, token);

    /// <summary>
    /// Folds one child's verdict into <paramref name="ok"/>; true when the keyword should stop now, because only the
    /// verdict matters and it is decided (a collecting walk goes on to report every child's errors).
    /// </summary>
    public readonly bool Stops(bool valid, ref bool ok)
    {
        if (valid)
        {
            return false;
        }

        ok = false;
        return !Collecting;
    }

    public readonly JsonNumber Number(int token)
    {
        ref readonly var t = ref Tokens[token];
        return JsonNumber.Parse(Json.Slice(t.Start, t.Length));
    }

    /// <summary>The number when its literal is a plain integer of at most 18 digits (no fraction or exponent).</summary>
    public readonly bool TryGetSmallInteger(int token, out long value)
    {
        ref readonly var t = ref Tokens[token];
        return JsonNumber.TryParseSmallInteger(Json.Slice(t.Start, t.Length), out value);
    }

    /// <summary>The string as UTF-16 in the thread's char buffer (valid until the next call).</summary>
    public readonly ReadOnlySpan<char> Chars(int token)
    {
        var bytes = Utf8(token);
        if (State.Chars.Length < bytes.Length)
        {
            State.Chars = new char[Math.Max(bytes.Length, State.Chars.Length * 2)];
        }

        var n = Encoding.UTF8.GetChars(bytes, State.Chars);
        return State.Chars.AsSpan(0, n);
    }

    public readonly string String(int token) => Encoding.UTF8.GetString(Utf8(token));

    // ---- evaluation path -------------------------------------------------------------------------------------

    /// <summary>
    /// The evaluation path only feeds error messages, so a verdict-only walk does not keep it. Collect-mode walks
    /// keep it even inside suppressed branches, whose errors may be captured for diagnostics.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void PushPath(string segment)
    {
        // Inlined so a verdict-only walk pays one test per applied subschema, not a call.
        if (_collectMode)
        {
            AppendPath(segment);
        }
    }

    private readonly void AppendPath(string segment)
    {
        var s = State;
        if (s.PathCount == s.Path.Length)
        {
            Array.Resize(ref s.Path, s.Path.Length * 2);
        }

        s.Path[s.PathCount++] = segment;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void PopPath()
    {
        if (_collectMode)
        {
            State.PathCount--;
        }
    }

    // ---- recursion guard -------------------------------------------------------------------------------------

    /// <summary>Enters a schema; false (with one error) when a $ref cycle or a deep payload would exhaust the stack.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Enter(int token)
    {
        if (Aborted)
        {
            return false;
        }

        // The stack probe is a runtime call; every 8th level is enough, since 8 schema frames are far below the
        // headroom TryEnsureSufficientExecutionStack keeps in reserve. The check is inlined, the failure is not.
        if (++Recursion > _maxRecursion || ((Recursion & 7) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            return TooDeep(token);
        }

        return true;
    }

    private bool TooDeep(int token)
    {
        Recursion--;
        Aborted = true;
        var wasSuppressed = Suppress;
        Suppress = 0;
        Report(token, "$ref", $"schema evaluation is nested too deep here ({Recursion + 1} levels or the stack limit): a $ref cycle that never consumes the payload, or a payload too deep for this schema");
        Suppress = wasSuppressed;
        return false;
    }

    public void Leave() => Recursion--;

    // ---- dynamic scope ---------------------------------------------------------------------------------------

    public readonly bool PushScope(SchemaResource resource)
    {
        var s = State;
        if (s.ScopeCount > 0 && ReferenceEquals(s.Scope[s.ScopeCount - 1], resource))
        {
            return false;
        }

        if (s.ScopeCount == s.Scope.Length)
        {
            Array.Resize(ref s.Scope, s.Scope.Length * 2);
        }

        s.Scope[s.ScopeCount++] = resource;
        return true;
    }

    public readonly void PopScope() => State.Scope[--State.ScopeCount] = null!;

    /// <summary>The outermost resource in the dynamic scope that declares <paramref name="anchor"/> as a $dynamicAnchor.</summary>
    public readonly SchemaNode? FindDynamicAnchor(string anchor)
    {
        var s = State;
        for (var i = 0; i < s.ScopeCount; i++)
        {
            if (s.Scope[i].DynamicAnchors.TryGetValue(anchor, out var node))
            {
                return node;
            }
        }

        return null;
    }

    // ---- errors ----------------------------------------------------------------------------------------------

    /// <summary>Records an error for <paramref name="keyword"/> at the current evaluation path; always returns false.</summary>
    public bool Report(int token, string keyword, string message, bool keywordInPath = true)
    {
        if (!Collecting)
        {
            return false;
        }

        Errors ??= new List<ValidationError>();
        if (Errors.Count >= _maxErrors)
        {
            Truncated = true;
            return false;
        }

        Errors.Add(new ValidationError(InstancePointer.Of(this, token), SchemaPointer(keywordInPath ? keyword : null), keyword, message));
        return false;
    }

    private readonly string SchemaPointer(string? keyword)
    {
        var sb = new StringBuilder("#");
        for (var i = 0; i < State.PathCount; i++)
        {
            sb.Append('/').Append(State.Path[i]);
        }

        if (keyword is not null)
        {
            sb.Append('/').Append(keyword);
        }

        return sb.ToString();
    }
}
