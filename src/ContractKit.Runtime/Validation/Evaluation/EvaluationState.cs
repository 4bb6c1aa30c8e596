using System;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Evaluation;

/// <summary>
/// The per-thread buffers one validation uses: the tape, the evaluation path, annotation bits, the dynamic scope,
/// a char buffer for regexes. Rented and returned, so re-entrant use on one thread gets a fresh one.
/// </summary>
internal sealed class EvaluationState
{
    [ThreadStatic]
    private static EvaluationState? t_cached;

    public readonly JsonTape Tape = new();
    public string[] Path = new string[32];
    public int PathCount;
    public ulong[] Bits = new ulong[64];
    public int BitsTop;
    public SchemaResource[] Scope = new SchemaResource[16];
    public int ScopeCount;
    public char[] Chars = new char[256];
    public int[] Items = new int[64];
    public int[] ItemHashes = new int[64];

    /// <summary>Set while a validation uses the thread's cached state (a flag, not a cleared reference: no write barrier).</summary>
    private bool _rented;

    public static EvaluationState Rent()
    {
        var s = t_cached;
        if (s is null)
        {
            s = new EvaluationState();
            t_cached = s;
        }
        else if (s._rented)
        {
            // Re-entrant use on this thread: a state of its own, not cached.
            return new EvaluationState { _rented = true };
        }

        s._rented = true;
        return s;
    }

    /// <summary>Clears the walk's stacks (the tape stays), for a second walk over the same payload.</summary>
    public void ResetWalk()
    {
        PathCount = 0;
        BitsTop = 0;
        if (ScopeCount > 0)
        {
            // Pops clear their slot, so only an unbalanced walk leaves references to drop.
            Array.Clear(Scope);
            ScopeCount = 0;
        }
    }

    public static void Return(EvaluationState s)
    {
        s.ResetWalk();
        s.Tape.Trim();
        if (s.Chars.Length > 1 << 20)
        {
            s.Chars = new char[256];
        }

        if (s.Items.Length > 1 << 16)
        {
            s.Items = new int[64];
            s.ItemHashes = new int[64];
        }

        if (s.Bits.Length > 1 << 16)
        {
            s.Bits = new ulong[64];
        }

        s._rented = false;
    }
}
