package org.ermbit.solvers.external;

import java.util.ArrayList;
import java.util.List;

/**
 * A minimal S-expression reader for SMT-LIB solver output: atoms (with {@code |…|} symbols kept
 * verbatim, bars included) and lists. Comments ({@code ;} to end of line) and string literals are
 * skipped or kept as atoms.
 */
final class SExpr {
    /** An atom (String) or a list (List&lt;Object&gt;). */
    private final Object value;

    private SExpr(Object value) {
        this.value = value;
    }

    boolean isAtom() {
        return value instanceof String;
    }

    String atom() {
        if (!isAtom()) throw new IllegalArgumentException("expected an atom, got " + this);
        return (String) value;
    }

    @SuppressWarnings("unchecked")
    List<SExpr> list() {
        if (isAtom()) throw new IllegalArgumentException("expected a list, got " + value);
        return (List<SExpr>) value;
    }

    /** Every top-level expression in {@code text}; IllegalArgumentException on unbalanced input. */
    static List<SExpr> parseAll(String text) {
        Reader r = new Reader(text);
        List<SExpr> out = new ArrayList<>();
        while (true) {
            r.skipSpace();
            if (r.pos >= text.length()) return out;
            out.add(r.read());
        }
    }

    @Override
    public String toString() {
        if (isAtom()) return atom();
        StringBuilder sb = new StringBuilder("(");
        for (SExpr e : list()) sb.append(sb.length() > 1 ? " " : "").append(e);
        return sb.append(')').toString();
    }

    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == ';') {
                    while (pos < s.length() && s.charAt(pos) != '\n') pos++;
                } else {
                    return;
                }
            }
        }

        SExpr read() {
            skipSpace();
            if (pos >= s.length()) throw new IllegalArgumentException("unexpected end of solver output");
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                List<SExpr> items = new ArrayList<>();
                while (true) {
                    skipSpace();
                    if (pos >= s.length()) throw new IllegalArgumentException("unbalanced '(' in solver output");
                    if (s.charAt(pos) == ')') {
                        pos++;
                        return new SExpr(items);
                    }
                    items.add(read());
                }
            }
            if (c == ')') throw new IllegalArgumentException("unexpected ')' in solver output");
            int start = pos;
            if (c == '|') {
                int end = s.indexOf('|', pos + 1);
                if (end < 0) throw new IllegalArgumentException("unterminated |symbol| in solver output");
                pos = end + 1;
            } else if (c == '"') {
                pos++;
                while (pos < s.length()) {
                    if (s.charAt(pos) == '"') {
                        if (pos + 1 < s.length() && s.charAt(pos + 1) == '"') {
                            pos += 2;
                            continue;
                        }
                        break;
                    }
                    pos++;
                }
                if (pos >= s.length()) throw new IllegalArgumentException("unterminated string in solver output");
                pos++;
            } else {
                while (pos < s.length() && !Character.isWhitespace(s.charAt(pos)) && "()|\";".indexOf(s.charAt(pos)) < 0) pos++;
            }
            return new SExpr(s.substring(start, pos));
        }
    }
}
