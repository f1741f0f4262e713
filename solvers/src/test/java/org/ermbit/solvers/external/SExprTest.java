package org.ermbit.solvers.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The S-expression reader on hand-written SMT-LIB solver output (SMT-LIB 2.6, §3.1: symbols, strings, comments). */
class SExprTest {

    private static String render(String text) {
        return SExpr.parseAll(text).toString();
    }

    @Test
    void atomsListsAndNesting() {
        assertEquals("[((x 1) (y (- 2)))]", render("((x 1)\n (y (- 2)))"));
        assertEquals("[sat, ((a true))]", render("sat\n((a true))\n"));
        assertEquals("[]", render("  \n\t "));
        assertEquals("[()]", render("()"));
    }

    /** An atom ends at a parenthesis, a bar, a quote or a semicolon, not only at whitespace. */
    @Test
    void atomsEndAtDelimiters() {
        assertEquals("[(a b), c]", render("(a b)c"));
        assertEquals("[a, |b c|]", render("a|b c|"));
        assertEquals("[x, \"s\"]", render("x\"s\""));
        assertEquals("[x]", render("x; comment"));
    }

    @Test
    void commentsRunToTheEndOfTheLine() {
        assertEquals("[sat, ((k 3))]", render("; z3 says\nsat ; verdict\n((k ; the value follows\n 3))"));
        assertEquals("[]", render("; only a comment without a newline"));
    }

    /** Bars keep whitespace and parentheses inside a symbol; the bars stay part of the atom. */
    @Test
    void quotedSymbolsAreOneAtom() {
        List<SExpr> top = SExpr.parseAll("((|h[0] (x)| 5))");
        SExpr pair = top.get(0).list().get(0);
        assertEquals("|h[0] (x)|", pair.list().get(0).atom());
        assertEquals("5", pair.list().get(1).atom());
    }

    /** A doubled quote is a quote inside the string; parentheses and semicolons inside it are text. */
    @Test
    void stringLiteralsWithEscapedQuotes() {
        List<SExpr> top = SExpr.parseAll("(error \"line 3: \"\"(x\"\" ; unknown\")");
        assertEquals(2, top.get(0).list().size());
        assertEquals("\"line 3: \"\"(x\"\" ; unknown\"", top.get(0).list().get(1).atom());
        assertEquals("[\"\"]", render("\"\""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "((k 3)        => unbalanced '(' in solver output",
        "(k 3))        => unexpected ')' in solver output",
        "(|k 3)        => unterminated |symbol| in solver output",
        "(error \"abc  => unterminated string in solver output",
        "\"ab\"\"      => unterminated string in solver output"})
    void malformedOutputIsAnIllegalArgument(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SExpr.parseAll(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void atomAndListAccessorsRefuseTheOtherKind() {
        SExpr atom = SExpr.parseAll("k").get(0);
        SExpr list = SExpr.parseAll("(k)").get(0);
        assertTrue(atom.isAtom());
        assertThrows(IllegalArgumentException.class, atom::list);
        assertThrows(IllegalArgumentException.class, list::atom);
    }
}
