package org.ermbit.reductions.export;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-only DIMACS CNF / WCNF(2022) reader, independent of the writer: checks the {@code p} header
 * counts and returns clauses (and soft weights for WCNF).
 */
final class DimacsTestParser {
    record Parsed(int variables, List<int[]> hard, List<long[]> soft) {
    }

    static Parsed cnf(String text) {
        int vars = -1, declared = -1;
        List<int[]> clauses = new ArrayList<>();
        List<Integer> cur = new ArrayList<>();
        for (String line : text.split("\n")) {
            line = line.trim();
            if (line.isEmpty() || line.startsWith("c")) continue;
            String[] tok = line.split("\\s+");
            if (tok[0].equals("p")) {
                if (!tok[1].equals("cnf") || vars >= 0) throw new AssertionError("bad p line " + line);
                vars = Integer.parseInt(tok[2]);
                declared = Integer.parseInt(tok[3]);
                continue;
            }
            if (vars < 0) throw new AssertionError("clause before p line");
            for (String t : tok) {
                int l = Integer.parseInt(t);
                if (l == 0) {
                    clauses.add(cur.stream().mapToInt(Integer::intValue).toArray());
                    cur.clear();
                } else {
                    if (Math.abs(l) > vars) throw new AssertionError("literal out of range " + l);
                    cur.add(l);
                }
            }
        }
        if (!cur.isEmpty()) throw new AssertionError("unterminated clause");
        if (declared != clauses.size()) throw new AssertionError("header says " + declared + " clauses, found " + clauses.size());
        return new Parsed(vars, clauses, List.of());
    }

    static Parsed wcnf(String text) {
        List<int[]> hard = new ArrayList<>();
        List<long[]> soft = new ArrayList<>(); // {weight, lit}
        int maxVar = 0;
        for (String line : text.split("\n")) {
            line = line.trim();
            if (line.isEmpty() || line.startsWith("c")) continue;
            if (line.startsWith("p")) throw new AssertionError("2022 WCNF has no p line");
            String[] tok = line.split("\\s+");
            if (!tok[tok.length - 1].equals("0")) throw new AssertionError("clause must end in 0: " + line);
            int[] lits = new int[tok.length - 2];
            for (int i = 1; i < tok.length - 1; i++) {
                lits[i - 1] = Integer.parseInt(tok[i]);
                maxVar = Math.max(maxVar, Math.abs(lits[i - 1]));
            }
            if (tok[0].equals("h")) {
                hard.add(lits);
            } else {
                long w = Long.parseLong(tok[0]);
                if (w <= 0 || lits.length != 1) throw new AssertionError("expected positive weight unit soft clause: " + line);
                soft.add(new long[] {w, lits[0]});
            }
        }
        return new Parsed(maxVar, hard, soft);
    }

    /**
     * Number of assignments to variables {@code fixed.length..vars} that extend the partial
     * assignment {@code fixed[1..k]} to a model of {@code clauses} (a counting DPLL with unit
     * propagation; exact).
     */
    static long countExtensions(int vars, List<int[]> clauses, boolean[] fixedPrefix, int k) {
        int[] val = new int[vars + 1]; // 0 unknown, 1 true, -1 false
        for (int v = 1; v <= k && v <= vars; v++) val[v] = fixedPrefix[v] ? 1 : -1;
        return count(vars, clauses, val);
    }

    private static long count(int vars, List<int[]> clauses, int[] val) {
        // unit propagation
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] c : clauses) {
                int unassigned = 0, last = 0;
                boolean sat = false;
                for (int l : c) {
                    int v = val[Math.abs(l)];
                    if (v == 0) {
                        unassigned++;
                        last = l;
                    } else if ((v > 0) == (l > 0)) {
                        sat = true;
                        break;
                    }
                }
                if (sat) continue;
                if (unassigned == 0) return 0;
                if (unassigned == 1) {
                    val[Math.abs(last)] = last > 0 ? 1 : -1;
                    changed = true;
                }
            }
        }
        int branch = 0;
        for (int[] c : clauses) {
            boolean sat = false;
            int free = 0;
            for (int l : c) {
                int v = val[Math.abs(l)];
                if (v == 0) free = Math.abs(l);
                else if ((v > 0) == (l > 0)) sat = true;
            }
            if (!sat && free != 0) {
                branch = free;
                break;
            }
        }
        if (branch == 0) {
            long free = 0;
            for (int v = 1; v <= vars; v++) if (val[v] == 0) free++;
            return 1L << free;
        }
        long total = 0;
        for (int s : new int[] {1, -1}) {
            int[] copy = val.clone();
            copy[branch] = s;
            total += count(vars, clauses, copy);
        }
        return total;
    }
}
