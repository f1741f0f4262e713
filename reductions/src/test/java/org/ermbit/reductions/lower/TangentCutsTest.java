package org.ermbit.reductions.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Constraint;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.junit.jupiter.api.Test;

/** The tangent-cut relaxation of squares: which squares it takes, its cuts (hand-computed), completion and refinement. */
class TangentCutsTest {

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    private static Assignment values(long... v) {
        BigInteger[] b = new BigInteger[v.length];
        for (int i = 0; i < v.length; i++) b[i] = big(v[i]);
        return new Assignment(b);
    }

    /** A ∈ [0, 5], P = A·A ∈ [0, 25], P ≤ 10 (so A ≤ 3 in every model). */
    private static Model boundedSquare() {
        Square s = square(0, 5, 25);
        s.b().addLinear(LinearExpr.of(s.p()), Relation.LE, big(10));
        return s.b().build();
    }

    @Test
    void tangentAtTIsBelowTheSquareAndExactAtTAndTPlusOne() {
        // the arithmetic fact the relaxation rests on, checked over a range of integers
        for (long t = -6; t <= 12; t++) {
            for (long x = -6; x <= 14; x++) {
                long cut = (2 * t + 1) * x - t * (t + 1);
                assertTrue(cut <= x * x, "t " + t + " x " + x);
                assertEquals(x == t || x == t + 1, cut == x * x, "t " + t + " x " + x);
            }
        }
    }

    @Test
    void relaxedModelHasTheEndCutsInsteadOfTheProduct() {
        Model m = boundedSquare();
        TangentCuts cuts = TangentCuts.of(m).orElseThrow();
        assertEquals(1, cuts.squares());
        assertEquals(2, cuts.cutCount()); // t = 0 (P ≥ A) and t = 4 (P ≥ 9A − 20)
        Model r = cuts.relaxed();
        assertFalse(r.hasProducts());
        assertEquals(m.vars(), r.vars());
        assertEquals(3, r.constraints().size());
        // (A, P) = (2, 2): P ≥ A and P ≥ 9A − 20 = −2 hold, P ≤ 10 holds; not a model of the original (P ≠ 4)
        assertTrue(r.isSatisfiedBy(values(2, 2)));
        assertFalse(m.isSatisfiedBy(values(2, 2)));
        // (3, 6): 9·3 − 20 = 7 > 6, cut off by the end cut
        assertFalse(r.isSatisfiedBy(values(3, 6)));
        // every model of the original is a model of the relaxation
        for (long a = 0; a <= 3; a++) assertTrue(r.isSatisfiedBy(values(a, a * a)), "A = " + a);
    }

    @Test
    void refinementAddsTheCutAtTheModelsFactor() {
        Model m = boundedSquare();
        TangentCuts cuts = TangentCuts.of(m).orElseThrow();
        assertEquals(values(2, 4).values()[1], cuts.completed(values(2, 2)).value(1));
        assertEquals(1, cuts.refine(values(2, 2)));
        assertEquals(3, cuts.cutCount());
        // the cut at t = 2 is P ≥ 5A − 6: (2, 2) and (2, 3) are gone, (2, 4) remains
        Model r = cuts.relaxed();
        assertFalse(r.isSatisfiedBy(values(2, 2)));
        assertTrue(r.isSatisfiedBy(values(2, 4)));
        assertFalse(r.isSatisfiedBy(values(2, 3)));
        // a model whose squares are all large enough adds nothing; the same cut is not added twice
        assertEquals(0, cuts.refine(values(3, 9)));
        assertEquals(0, cuts.refine(values(1, 5)));
        assertEquals(3, cuts.cutCount());
    }

    @Test
    void refinementEndsAtTheOriginalsModels() {
        // a loop that always takes the relaxed model with the smallest P, from every start: it ends,
        // and where it ends the completed assignment is a model of the original
        Model m = boundedSquare();
        TangentCuts cuts = TangentCuts.of(m).orElseThrow();
        for (long a = 0; a <= 5; a++) {
            int rounds = 0;
            while (true) {
                Model r = cuts.relaxed();
                long smallest = -1;
                for (long p = 0; p <= 25 && smallest < 0; p++) if (r.isSatisfiedBy(values(a, p))) smallest = p;
                if (smallest < 0) {
                    assertTrue(a > 3, "A = " + a + " has a model of the original");
                    break;
                }
                if (cuts.refine(values(a, smallest)) == 0) {
                    assertTrue(m.isSatisfiedBy(cuts.completed(values(a, smallest))), "A = " + a);
                    break;
                }
                assertTrue(++rounds <= 6, "refinement does not end");
            }
        }
    }

    @Test
    void squaresTheModelDoesNotOnlyBoundFromAboveStayProducts() {
        assertTrue(TangentCuts.of(withUse(Relation.EQ, 1)).isEmpty(), "P in an equation");
        assertTrue(TangentCuts.of(withUse(Relation.LE, -1)).isEmpty(), "P bounded from below");
        assertTrue(TangentCuts.of(withUse(Relation.GE, 1)).isEmpty(), "P bounded from below (≥)");
        assertTrue(TangentCuts.of(withUse(Relation.GE, -1)).isPresent(), "−P ≥ −10 bounds P from above");

        assertTrue(TangentCuts.of(square(-3, 3, 9).b().build()).isEmpty(), "a factor that can be negative");
        assertTrue(TangentCuts.of(square(0, 3, 4).b().build()).isEmpty(), "P's bounds are tighter than A²'s");

        ModelBuilder other = new ModelBuilder();
        Var x = other.newInt("X", big(0), big(3));
        Var y = other.newInt("Y", big(0), big(3));
        other.addProduct(other.newInt("Q", big(0), big(9)), x, y);
        assertTrue(TangentCuts.of(other.build()).isEmpty(), "a product of two different factors");

        Square chained = square(0, 3, 9);
        chained.b().addProduct(chained.b().newInt("R", big(0), big(27)), chained.p(), chained.a());
        assertTrue(TangentCuts.of(chained.b().build()).isEmpty(), "P used as a factor");

        Square maximised = square(0, 3, 9);
        maximised.b().minimize(LinearExpr.builder().add(-1, maximised.p()).build());
        assertTrue(TangentCuts.of(maximised.b().build()).isEmpty(), "P maximised");
        maximised.b().minimize(LinearExpr.builder().add(2, maximised.p()).build());
        assertTrue(TangentCuts.of(maximised.b().build()).isPresent(), "P minimised");
    }

    @Test
    void aSquareWhoseResultIsInAClauseStaysAProduct() {
        // Booleans: P = A·A with P in a clause; raising P to A² could be wrong for (¬P ∨ …), so not relaxed
        ModelBuilder b = new ModelBuilder();
        Var a = b.newBool("A");
        Var p = b.newBool("P");
        b.addProduct(p, a, a);
        assertTrue(TangentCuts.of(b.build()).isPresent(), "without the clause the square is relaxed");
        b.addClause(p.not());
        assertTrue(TangentCuts.of(b.build()).isEmpty());
    }

    @Test
    void theRelaxedModelKeepsTheObjective() {
        Square s = square(0, 5, 25);
        LinearExpr objective = LinearExpr.builder().add(3, s.p()).add(-1, s.a()).build();
        s.b().minimize(objective);
        Model r = TangentCuts.of(s.b().build()).orElseThrow().relaxed();
        assertEquals(objective, r.objective().orElseThrow().expr());
    }

    @Test
    void knownCutPointsInsideTheFactorsRangeStartTheRelaxation() {
        // A ∈ [0, 5]: the cuts at t = 0 and t = 4 always; known t = 2 and t = 4 are inside [0, 5),
        // t = −1 and t = 5 are outside (the cut at 5 is exact only at A = 5 and 6) and are ignored
        Model m = boundedSquare();
        TangentCuts cuts = TangentCuts.of(m, Map.of("P", Set.of(big(-1), big(2), big(4), big(5)))).orElseThrow();
        assertEquals(Map.of("P", Set.of(big(0), big(2), big(4))), cuts.cutPoints());
        assertEquals(3, cuts.cutCount());
        assertFalse(cuts.relaxed().isSatisfiedBy(values(2, 3)), "the cut at t = 2 (P ≥ 5A − 6) is in the model");
        // points learned by refinement carry over to a fresh relaxation of the same model
        cuts.refine(values(1, 0));
        TangentCuts again = TangentCuts.of(m, cuts.cutPoints()).orElseThrow();
        assertEquals(Map.of("P", Set.of(big(0), big(1), big(2), big(4))), again.cutPoints());
        assertEquals(0, again.refine(values(1, 1)));
    }

    /** A model under construction with one square P = A·A, A ∈ [lo, hi], P ∈ [0, pHi]. */
    private record Square(ModelBuilder b, Var a, Var p) {
    }

    private static Square square(long lo, long hi, long pHi) {
        ModelBuilder b = new ModelBuilder();
        Var a = b.newInt("A", big(lo), big(hi));
        Var p = b.newInt("P", big(0), big(pHi));
        b.addProduct(p, a, a);
        return new Square(b, a, p);
    }

    /** A square P = A·A (A ∈ [0, 3]) used once: {@code k·P rel 10·sign(k)}. */
    private static Model withUse(Relation rel, long k) {
        Square s = square(0, 3, 9);
        s.b().addLinear(LinearExpr.builder().add(k, s.p()).build(), rel, big(10 * Long.signum(k)));
        return s.b().build();
    }

    @Test
    void relaxationKeepsEveryModelOfRandomSumsOfSquares() {
        // Σ P_i ≤ G over two squares: every model of the original satisfies the relaxation with any cuts added
        SplittableRandom rnd = new SplittableRandom(5);
        for (int round = 0; round < 50; round++) {
            ModelBuilder b = new ModelBuilder();
            Var a1 = b.newInt("A1", big(0), big(6));
            Var a2 = b.newInt("A2", big(0), big(6));
            Var p1 = b.newInt("P1", big(0), big(36));
            Var p2 = b.newInt("P2", big(0), big(36));
            b.addProduct(p1, a1, a1);
            b.addProduct(p2, a2, a2);
            long g = rnd.nextLong(0, 73);
            b.addLinear(LinearExpr.builder().add(1, p1).add(1, p2).build(), Relation.LE, big(g));
            Model m = b.build();
            TangentCuts cuts = TangentCuts.of(m).orElseThrow();
            for (int k = 0; k < 4; k++) cuts.refine(values(rnd.nextLong(0, 7), rnd.nextLong(0, 7), 0, 0));
            Model r = cuts.relaxed();
            for (long x = 0; x <= 6; x++) {
                for (long y = 0; y <= 6; y++) {
                    Assignment exact = values(x, y, x * x, y * y);
                    assertEquals(x * x + y * y <= g, m.isSatisfiedBy(exact));
                    if (m.isSatisfiedBy(exact)) assertTrue(r.isSatisfiedBy(exact), "G " + g + " x " + x + " y " + y);
                }
            }
        }
    }

    @Test
    void otherConstraintsAndTheirOrderAreKept() {
        ModelBuilder b = new ModelBuilder();
        Var a = b.newInt("A", big(0), big(4));
        Var p = b.newInt("P", big(0), big(16));
        Var f = b.newBool("f");
        b.addLinear(LinearExpr.of(a), Relation.GE, big(1), List.of(f.lit()));
        b.addProduct(p, a, a);
        b.addClause(f.lit());
        b.addLinear(LinearExpr.of(p), Relation.LE, big(4));
        Model r = TangentCuts.of(b.build()).orElseThrow().relaxed();
        assertTrue(r.constraints().get(0) instanceof Constraint.Linear l && l.enforcement().size() == 1);
        assertTrue(r.constraints().get(1) instanceof Constraint.Clause);
        assertEquals(3 + 2, r.constraints().size()); // three kept, cuts at t = 0 and t = 3
    }
}
