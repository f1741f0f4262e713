package org.ermbit.reductions.cnf;

import java.util.Arrays;
import org.ermbit.core.spi.Limits;

/**
 * The formula a {@link DratChecker} checks lemmas against, under unit propagation: the live clauses
 * in one int arena, two watched literals per clause, the pseudo-Boolean axioms if any
 * ({@link DratPbConstraints}, propagated by slack, never deleted), the top-level trail (every literal
 * unit propagation of the formula forces, kept fully propagated), a hash index for deletions by
 * literal set, and occurrence lists for RAT checks (built at the first RAT check, kept afterwards).
 *
 * <p>The caller puts one clause at a time into the work buffer ({@link #prepare}) and then asks for
 * one operation on it: {@link #rup} (then {@link #rat}) and {@link #backtrack}, {@link #add} or
 * {@link #delete}. Literals are encoded as {@code 2*index + (negative ? 1 : 0)}, where the index of a
 * CNF variable is the variable and the variables a proof adds beyond the CNF's get the next indices in
 * order of appearance; the negation of {@code l} is {@code l ^ 1}.
 *
 * <p>Invariants (forward checking): top-level assignments are permanent (the reason of one is never
 * deleted, so the trail stays implied by the live clauses); a clause with a literal true at top level
 * when it is added is never watched (it can never propagate); a watched clause has a false watched
 * literal at top level only if its other watched literal is true at top level.
 *
 * <p>With {@code keepHistory} (backward checking, {@link DratBackwardCheck}) the database can also go
 * back: {@link #retract} takes an added clause out again and {@link #undoTo} shortens the top-level
 * trail to what it was before, {@link #restore} brings a deleted clause back. Deleted clauses then
 * stay in the arena (no compaction), deletions unwatch their clause at once, and every clause of two
 * or more literals is watched, satisfied or not, so that a shorter trail finds the watches in order.
 * The invariant becomes: a watched literal is false at top level only if the other watched literal,
 * or the blocker its watch entry was kept for, is true, assigned in the same step as the false
 * literal or earlier, or in the step that added the clause; the trail is only ever shortened to
 * what it was at the start of a step, so the true literal goes no earlier than the false one, and a
 * retracted clause no later. {@link #analyze} marks the clauses a conflict depends on.
 */
final class DratClauseDatabase {

    /** Outcomes of {@link #rup}, {@link #rat}, {@link #add}. */
    static final int OK = 0;
    static final int CONFLICT = 1;
    static final int FAILED = 2;
    static final int STOPPED = 3;
    /** Outcomes of {@link #delete}. */
    static final int REMOVED = 0;
    static final int ABSENT = 1;
    static final int KEPT_REASON = 2;

    // a clause at ref: header in arena[ref-5 .. ref-1], literals in arena[ref .. ref+size)
    private static final int HEADER = 5;
    private static final int NEXT = -5;  // next clause in the same hash bucket (0: none)
    private static final int HASH = -4;
    private static final int POS = -3;   // where the last search for a new watch stopped (2..size-1)
    private static final int SIZE = -2;
    private static final int FLAGS = -1;
    private static final int F_DELETED = 1;
    private static final int F_REASON = 2;
    private static final int F_WATCHED = 4;
    private static final int F_MARKED = 8;

    private static final byte TRUE = 1;
    private static final byte FALSE = -1;
    private static final int NO_REASON = 0;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;
    /** Clause visits between two looks at the limits (about 100k). */
    private static final int TICK_MASK = (1 << 17) - 1;

    private final Limits limits;
    private final int compactAbove;
    /** The pseudo-Boolean axioms, or null; a trail reason below 0 is one of them. */
    private final DratPbConstraints pb;
    private final DratPbConstraints.Assigner pbAssigner = this::assign;
    private long ticks;

    private int[] arena = new int[1 << 12];
    private int top;
    private long garbage;
    private int liveClauses;
    private int[] buckets;

    /** Variables 1..cnfVariables are their own index; a proof's further variables get the next ones. */
    private final int cnfVariables;
    private int[] extensionKeys = new int[16];
    private int[] extensionValues = new int[16];
    private int[] extensionVariables = new int[8];
    private int extensionCount;
    /** Variable indices the per-variable arrays hold. */
    private int variables;
    private byte[] values = new byte[0];
    private int[][] watches = new int[0][];
    private int[] watchSizes = new int[0];
    private int[] stamps = new int[0];
    private int stamp;
    private int[] trail = new int[0];
    private int[] trailReasons = new int[0];
    private int trailSize;
    private int propagated;
    private int level0;

    private boolean occurrencesOn;
    private int[][] occurrences;
    private int[] occurrenceSizes;

    private int[] clause = new int[16];
    private int clauseSize;

    /** Whether deleted clauses stay and every clause is watched, for going back ({@link #retract}, {@link #restore}). */
    private final boolean keepHistory;
    /** Per variable: its position on the trail while it is assigned. */
    private int[] positions = new int[0];
    /** Per variable: assigned, and every clause its assignment depends on is marked (reset on unassignment). */
    private boolean[] justified = new boolean[0];
    private int[] seen = new int[0];
    private int seenStamp;
    private int[] pending = new int[0];
    /** The last conflict: what {@link #analyze} starts from. */
    private int conflictKind = NO_CONFLICT;
    private int conflictValue;
    private static final int NO_CONFLICT = 0;
    private static final int CLAUSE_CONFLICT = 1;
    private static final int CONSTRAINT_CONFLICT = 2;
    /** A literal of the checked clause is true: the conflict is its reasons. */
    private static final int LITERAL_CONFLICT = 3;
    /** Whether propagation prefers marked clauses ({@link #preferMarked}). */
    private boolean coreFirst;
    /** Units of unmarked clauses found while propagating core first: literal, clause, literal, clause, ... */
    private int[] deferred = new int[64];
    private int deferredSize;
    /** The reference of the clause the last {@link #add} or {@link #delete} stored or removed. */
    private int lastRef;

    /** The arena size (in ints) below which deleted clauses are never compacted away. */
    static final int COMPACT_ABOVE = 1 << 16;

    /**
     * @param compactAbove the arena is compacted when it is larger than this and more than half of it
     *                     is deleted clauses ({@link #COMPACT_ABOVE}); when negative, after every
     *                     deletion (for tests)
     * @param pb           the pseudo-Boolean axioms (their variables at most {@code variables}), or null;
     *                     call {@link #propagatePb} before anything else
     */
    DratClauseDatabase(int variables, int expectedClauses, Limits limits, int compactAbove, DratPbConstraints pb) {
        this(variables, expectedClauses, limits, compactAbove, pb, false);
    }

    /**
     * @param keepHistory whether the database can go back ({@link #retract}, {@link #undoTo},
     *                    {@link #restore}); {@code compactAbove} is then ignored (nothing is compacted)
     */
    DratClauseDatabase(int variables, int expectedClauses, Limits limits, int compactAbove, DratPbConstraints pb,
            boolean keepHistory) {
        this.keepHistory = keepHistory;
        this.limits = limits;
        this.compactAbove = compactAbove;
        this.pb = pb;
        this.cnfVariables = variables;
        ensureVariable(Math.max(1, Math.min(variables, 1 << 16))); // grown to the variables clauses use
        if (pb != null) ensureVariable(pb.variables());
        buckets = new int[Math.max(16, Integer.highestOneBit(Math.max(expectedClauses, 1)) << 1)];
    }

    // ---------------------------------------------------------------- the work clause

    /**
     * Puts {@code dimacs[0, n)} into the work buffer without duplicate literals, keeping the order of
     * first occurrences (so the first literal stays first). Returns its size, or -1 when it is a
     * tautology (contains a literal and its negation).
     */
    int prepare(int[] dimacs, int n) {
        if (clause.length < n) clause = new int[Math.max(n, 2 * clause.length)];
        int max = 0;
        for (int i = 0; i < n; i++) {
            int d = dimacs[i];
            int v = d > 0 ? d : -d;
            if (v > cnfVariables) v = extensionIndex(v);
            max = Math.max(max, v);
            clause[i] = d > 0 ? v << 1 : (v << 1) | 1;
        }
        if (max > variables) ensureVariable(max);
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(stamps, 0);
            stamp = 1;
        }
        int size = 0;
        boolean tautology = false;
        for (int i = 0; i < n; i++) {
            int lit = clause[i];
            if (stamps[lit] == stamp) continue;
            if (stamps[lit ^ 1] == stamp) tautology = true;
            stamps[lit] = stamp;
            clause[size++] = lit;
        }
        clauseSize = size;
        return tautology ? -1 : size;
    }

    /** The first literal of the work clause, in DIMACS. */
    int firstLiteral() {
        int lit = clause[0];
        int v = lit >>> 1;
        if (v > cnfVariables) v = extensionVariables[v - cnfVariables - 1];
        return (lit & 1) == 0 ? v : -v;
    }

    /**
     * The index of a variable beyond the CNF's (an extension variable of the proof): the next free one
     * at its first occurrence, so that memory grows with the variables used, not with the largest.
     */
    private int extensionIndex(int variable) {
        int mask = extensionKeys.length - 1;
        int slot = (variable * 0x9E3779B9) >>> 1 & mask;
        while (extensionKeys[slot] != 0) {
            if (extensionKeys[slot] == variable) return extensionValues[slot];
            slot = (slot + 1) & mask;
        }
        if (extensionCount == extensionVariables.length) {
            extensionVariables = Arrays.copyOf(extensionVariables, 2 * extensionCount);
        }
        extensionVariables[extensionCount++] = variable;
        int index = cnfVariables + extensionCount;
        extensionKeys[slot] = variable;
        extensionValues[slot] = index;
        if (2 * extensionCount > extensionKeys.length) {
            int[] keys = extensionKeys;
            int[] vals = extensionValues;
            extensionKeys = new int[2 * keys.length];
            extensionValues = new int[2 * keys.length];
            int m = extensionKeys.length - 1;
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == 0) continue;
                int t = (keys[i] * 0x9E3779B9) >>> 1 & m;
                while (extensionKeys[t] != 0) t = (t + 1) & m;
                extensionKeys[t] = keys[i];
                extensionValues[t] = vals[i];
            }
        }
        return index;
    }

    // ---------------------------------------------------------------- checks

    /**
     * Assigns the negation of every literal of the work clause on top of the top-level trail and
     * propagates: CONFLICT (the clause is RUP), OK (no conflict; the assignments stay for {@link #rat})
     * or STOPPED. Call {@link #backtrack} afterwards.
     */
    int rup() {
        level0 = trailSize;
        for (int i = 0; i < clauseSize; i++) {
            int lit = clause[i];
            byte v = values[lit];
            if (v == TRUE) return literalConflict(lit);
            if (v == 0) assign(lit ^ 1, NO_REASON);
        }
        return propagate();
    }

    /**
     * After {@link #rup} returned OK: whether the work clause C is RAT on its first literal p, i.e.
     * for every live clause D containing -p, the resolvent C ∪ (D \ {-p}) is RUP (checked on top of
     * the assignments of {@link #rup}, which assigned -C already). OK, FAILED or STOPPED.
     */
    int rat() {
        if (!occurrencesOn) buildOccurrences();
        int negatedPivot = clause[0] ^ 1;
        int[] list = occurrences[negatedPivot];
        if (list == null) return OK;
        int n = occurrenceSizes[negatedPivot];
        int kept = 0;
        int result = OK;
        int level1 = trailSize;
        for (int i = 0; i < n; i++) {
            int ref = list[i];
            if ((arena[ref + FLAGS] & F_DELETED) != 0) continue;
            list[kept++] = ref;
            if (result != OK) continue; // only compacting the list from here on
            if ((++ticks & 0xff) == 0 && limits.expired()) {
                result = STOPPED;
                continue;
            }
            int r = resolventRup(ref, negatedPivot);
            if (r == CONFLICT && keepHistory) analyze();
            undo(level1);
            if (r != CONFLICT) result = r == STOPPED ? STOPPED : FAILED;
        }
        occurrenceSizes[negatedPivot] = kept;
        return result;
    }

    private int literalConflict(int lit) {
        conflictKind = LITERAL_CONFLICT;
        conflictValue = lit;
        return CONFLICT;
    }

    private int resolventRup(int ref, int negatedPivot) {
        int end = ref + arena[ref + SIZE];
        for (int k = ref; k < end; k++) {
            int lit = arena[k];
            if (lit == negatedPivot) continue;
            byte v = values[lit];
            if (v == TRUE) return literalConflict(lit); // a tautology, or it contains a literal already implied
            if (v == 0) assign(lit ^ 1, NO_REASON);
        }
        return propagate();
    }

    /** Undoes the assignments of {@link #rup} (and {@link #rat}): back to the top-level trail. */
    void backtrack() {
        undo(level0);
    }

    private void undo(int mark) {
        for (int t = trailSize - 1; t >= mark; t--) {
            int lit = trail[t];
            values[lit] = 0;
            values[lit ^ 1] = 0;
            justified[lit >>> 1] = false;
            if (pb != null) pb.restored(lit ^ 1);
        }
        trailSize = mark;
        propagated = mark;
    }

    // ---------------------------------------------------------------- changes

    /**
     * Adds the (non-tautological) work clause and propagates at top level: CONFLICT when the formula
     * now propagates to a conflict (the clause is empty or all its literals are false, or it is unit
     * and its literal's propagation conflicts), else OK; STOPPED when the limits stopped propagation.
     */
    int add() {
        int size = clauseSize;
        if (size == 0) {
            conflictKind = NO_CONFLICT;
            return CONFLICT;
        }
        int ref = store();
        lastRef = ref;
        if (keepHistory) return attach(ref);
        int[] a = arena;
        int unassigned = 0;
        for (int k = 0; k < size && unassigned < 2; k++) {
            int lit = a[ref + k];
            byte v = values[lit];
            if (v == TRUE) return OK; // satisfied for good: never watched
            if (v == 0) {
                a[ref + k] = a[ref + unassigned];
                a[ref + unassigned] = lit;
                unassigned++;
            }
        }
        if (unassigned == 0) return clauseConflict(ref);
        if (unassigned == 1) return propagateUnit(a[ref], ref);
        a[ref + FLAGS] |= F_WATCHED;
        watch(a[ref], a[ref + 1], ref);
        watch(a[ref + 1], a[ref], ref);
        return OK;
    }

    /**
     * Propagates the pseudo-Boolean axioms at top level, before any clause is added: CONFLICT when they
     * conflict, else OK; STOPPED when the limits stopped propagation.
     */
    int propagatePb() {
        if (pb.unsatisfiable() != null) return CONFLICT;
        int start = trailSize;
        pb.propagateAll(values, pbAssigner);
        int r = propagate();
        if (r != OK) return r;
        markReasons(start);
        return OK;
    }

    /** The clauses that are reasons of top-level assignments from {@code start} on stay (deletions skip them). */
    private void markReasons(int start) {
        for (int t = start; t < trailSize; t++) {
            if (trailReasons[t] > 0) arena[trailReasons[t] + FLAGS] |= F_REASON;
        }
        level0 = trailSize;
    }

    /**
     * Deletes one live clause with the literal set of the (non-tautological) work clause: REMOVED,
     * ABSENT (no such clause) or KEPT_REASON (every such clause is the reason of a top-level assignment,
     * and stays).
     */
    int delete() {
        int size = clauseSize;
        int hash = hash(clause, size);
        int bucket = hash & (buckets.length - 1);
        int[] a = arena;
        int previous = 0;
        int ref = buckets[bucket];
        boolean reason = false;
        while (ref != 0) {
            int next = a[ref + NEXT];
            if (a[ref + HASH] == hash && a[ref + SIZE] == size && sameLiterals(ref, size)) {
                if ((a[ref + FLAGS] & F_REASON) != 0) {
                    reason = true;
                } else {
                    if (previous == 0) {
                        buckets[bucket] = next;
                    } else {
                        a[previous + NEXT] = next;
                    }
                    a[ref + FLAGS] |= F_DELETED; // occurrence lists (and without history, watch lists) drop it lazily
                    liveClauses--;
                    lastRef = ref;
                    if (keepHistory) {
                        unwatch(ref);
                        return REMOVED;
                    }
                    garbage += HEADER + size;
                    if (compactAbove < 0 || (garbage > (top >>> 1) && top > compactAbove)) collect();
                    return REMOVED;
                }
            }
            previous = ref;
            ref = next;
        }
        return reason ? KEPT_REASON : ABSENT;
    }

    private boolean sameLiterals(int ref, int size) {
        for (int k = ref, end = ref + size; k < end; k++) {
            if (stamps[arena[k]] != stamp) return false; // sizes equal, no duplicates: subset = equal
        }
        return true;
    }

    private int clauseConflict(int ref) {
        conflictKind = CLAUSE_CONFLICT;
        conflictValue = ref;
        return CONFLICT;
    }

    // ---------------------------------------------------------------- going back (backward checking)

    /**
     * Watches a clause just stored or restored, with history: the two first non-false literals, or the
     * one non-false literal and the false literal assigned last; propagates it when it is unit. As
     * {@link #add}: OK, CONFLICT (every literal false) or STOPPED.
     */
    private int attach(int ref) {
        int[] a = arena;
        int size = a[ref + SIZE];
        int front = 0;
        for (int k = ref, end = ref + size; k < end && front < 2; k++) {
            int lit = a[k];
            if (values[lit] != FALSE) {
                a[k] = a[ref + front];
                a[ref + front] = lit;
                front++;
            }
        }
        if (front == 0) return clauseConflict(ref);
        if (size > 1) {
            if (front == 1) {
                int latest = ref + 1;
                for (int k = ref + 2, end = ref + size; k < end; k++) {
                    if (positions[a[k] >>> 1] > positions[a[latest] >>> 1]) latest = k;
                }
                int lit = a[latest];
                a[latest] = a[ref + 1];
                a[ref + 1] = lit;
            }
            a[ref + FLAGS] |= F_WATCHED;
            watch(a[ref], a[ref + 1], ref);
            watch(a[ref + 1], a[ref], ref);
        }
        if (front == 1 && values[a[ref]] == 0) return propagateUnit(a[ref], ref);
        return OK;
    }

    /** Assigns {@code lit}, the one unassigned literal of clause {@code ref}, at top level and propagates. */
    private int propagateUnit(int lit, int ref) {
        int start = trailSize;
        assign(lit, ref);
        int r = propagate();
        if (r != OK) return r;
        markReasons(start);
        return OK;
    }

    /** Removes a deleted clause's two watch entries (with history, where it may come back). */
    private void unwatch(int ref) {
        if ((arena[ref + FLAGS] & F_WATCHED) == 0) return;
        arena[ref + FLAGS] &= ~F_WATCHED;
        for (int w = 0; w < 2; w++) {
            int lit = arena[ref + w];
            int[] list = watches[lit];
            int n = watchSizes[lit];
            for (int i = 0; i < n; i += 2) {
                if (list[i + 1] == ref) {
                    list[i] = list[n - 2];
                    list[i + 1] = list[n - 1];
                    watchSizes[lit] = n - 2;
                    break;
                }
            }
        }
    }

    /** The clause the last {@link #add} stored or the last {@link #delete} removed. */
    int lastRef() {
        return lastRef;
    }

    /** The length of the top-level trail (at the start of a step, for {@link #undoTo}). */
    int trailSize() {
        return trailSize;
    }

    /** Takes the clause {@code ref} out for good (watch and occurrence lists drop it lazily). */
    void retract(int ref) {
        arena[ref + FLAGS] |= F_DELETED;
        liveClauses--;
    }

    /** Shortens the top-level trail to its first {@code mark} assignments (what it was at the start of a step). */
    void undoTo(int mark) {
        undo(mark);
        level0 = mark;
    }

    /**
     * Brings back the deleted clause {@code ref}. The trail is what it was when the clause was
     * deleted, which it did not conflict with and did not propagate; finding otherwise is a bug.
     */
    void restore(int ref) {
        arena[ref + FLAGS] &= ~F_DELETED;
        liveClauses++;
        if (occurrencesOn) occur(ref);
        int start = trailSize;
        int r = attach(ref);
        if (r != OK || trailSize != start) {
            throw new IllegalStateException("a restored clause propagates under the trail of its deletion");
        }
    }

    /** Whether a conflict analysed so far depends on clause {@code ref}. */
    boolean marked(int ref) {
        return (arena[ref + FLAGS] & F_MARKED) != 0;
    }

    /** Marks clause {@code ref} as one the refutation depends on. */
    void mark(int ref) {
        arena[ref + FLAGS] |= F_MARKED;
    }

    /**
     * Puts the literals of clause {@code ref} into the work buffer, {@code first} first (a literal of
     * the clause in DIMACS, or 0 for the arena's order), for {@link #rup} and {@link #rat}.
     */
    void load(int ref, int first) {
        int size = arena[ref + SIZE];
        if (clause.length < size) clause = new int[Math.max(size, 2 * clause.length)];
        System.arraycopy(arena, ref, clause, 0, size);
        clauseSize = size;
        if (first == 0) return;
        int v = Math.abs(first);
        if (v > cnfVariables) v = extensionIndex(v);
        int code = first > 0 ? v << 1 : (v << 1) | 1;
        for (int i = 1; i < size; i++) {
            if (clause[i] == code) {
                clause[i] = clause[0];
                clause[0] = code;
                return;
            }
        }
    }

    /**
     * Marks every clause the last conflict depends on: the conflicting clause and, for each false
     * literal it rests on, the reason of that literal's assignment, back to the assumptions of the
     * check (a pseudo-Boolean constraint's reasons are its literals that were false before). A
     * variable whose dependencies were marked once stays justified until it is unassigned.
     */
    void analyze() {
        if (++seenStamp == Integer.MAX_VALUE) {
            Arrays.fill(seen, 0);
            seenStamp = 1;
        }
        int n = 0;
        switch (conflictKind) {
            case CLAUSE_CONFLICT -> {
                arena[conflictValue + FLAGS] |= F_MARKED;
                n = pushLiterals(conflictValue, 0, n);
            }
            case CONSTRAINT_CONFLICT -> n = pushConstraint(conflictValue, trailSize, n);
            case LITERAL_CONFLICT -> n = push(conflictValue >>> 1, n);
            default -> { }
        }
        while (n > 0) {
            int v = pending[--n];
            if (justified[v]) continue;
            justified[v] = true;
            int p = positions[v];
            int reason = trailReasons[p];
            if (reason > 0) {
                arena[reason + FLAGS] |= F_MARKED;
                n = pushLiterals(reason, v, n);
            } else if (reason < 0) {
                n = pushConstraint(-1 - reason, p, n);
            }
        }
    }

    private int push(int v, int n) {
        if (seen[v] == seenStamp) return n;
        seen[v] = seenStamp;
        pending[n] = v;
        return n + 1;
    }

    /** Pushes the variables of clause {@code ref} other than {@code except}. */
    private int pushLiterals(int ref, int except, int n) {
        for (int k = ref, end = ref + arena[ref + SIZE]; k < end; k++) {
            int v = arena[k] >>> 1;
            if (v != except) n = push(v, n);
        }
        return n;
    }

    /** Pushes the variables of constraint {@code c} whose literal is false, assigned before trail position {@code before}. */
    private int pushConstraint(int c, int before, int n) {
        for (int k = pb.first(c), end = pb.first(c + 1); k < end; k++) {
            int lit = pb.literalAt(k);
            if (values[lit] == FALSE && positions[lit >>> 1] < before) n = push(lit >>> 1, n);
        }
        return n;
    }

    // ---------------------------------------------------------------- propagation

    private void assign(int lit, int reason) {
        values[lit] = TRUE;
        values[lit ^ 1] = FALSE;
        positions[lit >>> 1] = trailSize;
        trail[trailSize] = lit;
        trailReasons[trailSize++] = reason;
        if (pb != null) pb.falsified(lit ^ 1);
    }

    /**
     * Unit propagation of the trail from {@code propagated} on, by the clauses watching each newly
     * false literal and then by the pseudo-Boolean constraints containing it: OK, CONFLICT or STOPPED.
     */
    private int propagate() {
        int r = propagateQueue();
        while (r == OK && deferredSize > 0) { // core first: one unit of an unmarked clause, then the queue again
            deferredSize -= 2;
            int lit = deferred[deferredSize];
            if (values[lit] != 0) continue; // true by now (a false one was a conflict of its clause)
            assign(lit, deferred[deferredSize + 1]);
            r = propagateQueue();
        }
        deferredSize = 0;
        return r;
    }

    private int propagateQueue() {
        final byte[] vals = values;
        while (propagated < trailSize) {
            final int falseLit = trail[propagated++] ^ 1;
            final int[] ws = watches[falseLit];
            if (ws != null) {
                int r = propagateClauses(falseLit, ws, vals, arena);
                if (r != OK) return r;
            }
            if (pb != null) {
                int r = pb.propagate(falseLit, vals, pbAssigner);
                if (r == CONFLICT) {
                    conflictKind = CONSTRAINT_CONFLICT;
                    conflictValue = pb.conflict();
                }
                if (r != OK) return r;
            }
        }
        return OK;
    }

    /**
     * Whether propagation is to use marked clauses (and the pseudo-Boolean axioms) first and an unmarked
     * clause's unit only when they have nothing more to propagate, so that checks rest on the clauses
     * already marked where they can (drat-trim's core-first propagation). Only the order changes: the
     * units deferred are all assigned before propagation ends without a conflict.
     */
    void preferMarked(boolean on) {
        coreFirst = on;
    }

    private void defer(int lit, int ref) {
        if (deferredSize == deferred.length) deferred = Arrays.copyOf(deferred, 2 * deferredSize);
        deferred[deferredSize++] = lit;
        deferred[deferredSize++] = ref;
    }

    /** Visits the clauses watching {@code falseLit} (list {@code ws}): OK, CONFLICT or STOPPED. */
    private int propagateClauses(final int falseLit, final int[] ws, final byte[] vals, final int[] a) {
        final int n = watchSizes[falseLit];
        int i = 0;
        int j = 0;
        while (i < n) {
            final int blocker = ws[i];
            final int ref = ws[i + 1];
            i += 2;
            if (vals[blocker] == TRUE) {
                ws[j] = blocker;
                ws[j + 1] = ref;
                j += 2;
                continue;
            }
            if ((++ticks & TICK_MASK) == 0 && limits.expired()) {
                ws[j] = blocker;
                ws[j + 1] = ref;
                j += 2;
                System.arraycopy(ws, i, ws, j, n - i);
                watchSizes[falseLit] = j + n - i;
                return STOPPED;
            }
            if ((a[ref + FLAGS] & F_DELETED) != 0) continue; // dropped from this list
            int first = a[ref];
            if (first == falseLit) {
                first = a[ref + 1];
                a[ref] = first;
                a[ref + 1] = falseLit;
            }
            if (first != blocker && vals[first] == TRUE) {
                ws[j] = first;
                ws[j + 1] = ref;
                j += 2;
                continue;
            }
            // a new watch: search from where the last search stopped, round to it (Gent 2013)
            final int size = a[ref + SIZE];
            if (size > 2) {
                final int pos = ref + a[ref + POS];
                final int end = ref + size;
                int k = pos;
                while (k < end && vals[a[k]] == FALSE) k++;
                if (k == end) {
                    k = ref + 2;
                    while (k < pos && vals[a[k]] == FALSE) k++;
                    if (k == pos) k = end; // every literal from 2 on is false
                }
                if (k < end) {
                    final int lit = a[k];
                    a[ref + 1] = lit;
                    a[k] = falseLit;
                    a[ref + POS] = k - ref;
                    watch(lit, first, ref);
                    continue;
                }
            }
            ws[j] = first;
            ws[j + 1] = ref;
            j += 2;
            if (vals[first] == FALSE) {
                System.arraycopy(ws, i, ws, j, n - i);
                watchSizes[falseLit] = j + n - i;
                return clauseConflict(ref);
            }
            if (coreFirst && (a[ref + FLAGS] & F_MARKED) == 0) {
                defer(first, ref);
            } else {
                assign(first, ref);
            }
        }
        watchSizes[falseLit] = j;
        return OK;
    }

    private void watch(int lit, int blocker, int ref) {
        int[] list = watches[lit];
        int n = watchSizes[lit];
        if (list == null) {
            list = new int[4];
            watches[lit] = list;
        } else if (n == list.length) {
            list = Arrays.copyOf(list, 2 * n);
            watches[lit] = list;
        }
        list[n] = blocker;
        list[n + 1] = ref;
        watchSizes[lit] = n + 2;
    }

    // ---------------------------------------------------------------- storage

    /** Copies the work clause into the arena and indexes it; returns its reference. */
    private int store() {
        int size = clauseSize;
        long need = (long) top + HEADER + size;
        if (need > arena.length) {
            if (need > MAX_ARRAY) throw new IllegalStateException("the DRAT clause database exceeds 2^31 literals");
            arena = Arrays.copyOf(arena, (int) Math.max(need, Math.min(2L * arena.length, MAX_ARRAY)));
        }
        int ref = top + HEADER;
        int hash = hash(clause, size);
        arena[ref + HASH] = hash;
        arena[ref + SIZE] = size;
        arena[ref + POS] = 2;
        arena[ref + FLAGS] = 0;
        System.arraycopy(clause, 0, arena, ref, size);
        top = ref + size;
        if (++liveClauses > buckets.length && buckets.length < (1 << 30)) {
            buckets = new int[buckets.length << 1];
            index();
        } else {
            int bucket = hash & (buckets.length - 1);
            arena[ref + NEXT] = buckets[bucket];
            buckets[bucket] = ref;
        }
        if (occurrencesOn) occur(ref);
        return ref;
    }

    private static int hash(int[] lits, int size) {
        int h = 0;
        for (int i = 0; i < size; i++) {
            int x = lits[i] * 0x9E3779B9;
            x ^= x >>> 16;
            x *= 0x85EBCA6B;
            x ^= x >>> 13;
            h += x; // order-independent: a clause is a set
        }
        return h;
    }

    /** Rebuilds the hash buckets from the arena's live clauses. */
    private void index() {
        Arrays.fill(buckets, 0);
        int mask = buckets.length - 1;
        for (int p = 0; p < top; p += HEADER + arena[p + HEADER + SIZE]) {
            int ref = p + HEADER;
            if ((arena[ref + FLAGS] & F_DELETED) != 0) continue;
            int bucket = arena[ref + HASH] & mask;
            arena[ref + NEXT] = buckets[bucket];
            buckets[bucket] = ref;
        }
    }

    private void buildOccurrences() {
        occurrencesOn = true;
        occurrences = new int[values.length][];
        occurrenceSizes = new int[values.length];
        for (int p = 0; p < top; p += HEADER + arena[p + HEADER + SIZE]) {
            if ((arena[p + HEADER + FLAGS] & F_DELETED) == 0) occur(p + HEADER);
        }
    }

    private void occur(int ref) {
        for (int k = ref, end = ref + arena[ref + SIZE]; k < end; k++) {
            int lit = arena[k];
            int[] list = occurrences[lit];
            int n = occurrenceSizes[lit];
            if (list == null) {
                list = new int[4];
                occurrences[lit] = list;
            } else if (n == list.length) {
                list = Arrays.copyOf(list, 2 * n);
                occurrences[lit] = list;
            }
            list[n] = ref;
            occurrenceSizes[lit] = n + 1;
        }
    }

    /**
     * Moves the live clauses together (deleted ones leave holes) and rebuilds what refers to clauses
     * by position: watch lists (from each watched clause's first two literals, which the watch
     * invariant is about), hash buckets and occurrence lists. Reason flags move with their clauses.
     */
    private void collect() {
        int q = 0;
        for (int p = 0; p < top; ) {
            int length = HEADER + arena[p + HEADER + SIZE];
            if ((arena[p + HEADER + FLAGS] & F_DELETED) == 0) {
                if (q != p) System.arraycopy(arena, p, arena, q, length);
                q += length;
            }
            p += length;
        }
        top = q;
        garbage = 0;
        Arrays.fill(watchSizes, 0);
        for (int p = 0; p < top; p += HEADER + arena[p + HEADER + SIZE]) {
            int ref = p + HEADER;
            if ((arena[ref + FLAGS] & F_WATCHED) != 0) {
                watch(arena[ref], arena[ref + 1], ref);
                watch(arena[ref + 1], arena[ref], ref);
            }
        }
        index();
        if (occurrencesOn) {
            Arrays.fill(occurrenceSizes, 0);
            for (int p = 0; p < top; p += HEADER + arena[p + HEADER + SIZE]) occur(p + HEADER);
        }
    }

    /** Grows the per-variable arrays to hold variable index {@code v}. */
    private void ensureVariable(int v) {
        if (v <= variables) return;
        int vars = (int) Math.max(v, Math.min(2L * variables, DratProofReader.MAX_VARIABLE + (long) cnfVariables));
        int literals = 2 * vars + 2;
        values = Arrays.copyOf(values, literals);
        watches = Arrays.copyOf(watches, literals);
        watchSizes = Arrays.copyOf(watchSizes, literals);
        stamps = Arrays.copyOf(stamps, literals);
        positions = Arrays.copyOf(positions, vars + 1);
        justified = Arrays.copyOf(justified, vars + 1);
        seen = Arrays.copyOf(seen, vars + 1);
        pending = Arrays.copyOf(pending, vars + 1);
        trail = Arrays.copyOf(trail, vars + 1);
        trailReasons = Arrays.copyOf(trailReasons, vars + 1);
        if (occurrencesOn) {
            occurrences = Arrays.copyOf(occurrences, literals);
            occurrenceSizes = Arrays.copyOf(occurrenceSizes, literals);
        }
        variables = vars;
    }
}
