package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.solvers.registry.SolverRegistry;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SolversCommandTest {

    /** A provider whose natives are "missing", to check the unavailable line. */
    static final class MissingProvider implements SolverProvider {
        @Override
        public String id() {
            return "ghost";
        }

        @Override
        public String description() {
            return "a backend whose library is not installed";
        }

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.of(Capability.LIA, Capability.INT64_ONLY);
        }

        @Override
        public Availability probe() {
            return Availability.missing("libghost.so not found");
        }

        @Override
        public Solver create() {
            return new Solver() {
                @Override
                public SolveResult solve(Model model, Limits limits) {
                    return SolveResult.error("never created", "ghost", "", java.time.Duration.ZERO);
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private static String[] run(SolversCommand cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void textNamesTheDefaultAndTheReasonOfAnUnavailableBackend() {
        SolverRegistry reg = SolverRegistry.of(List.of(SolverRegistry.load().byId("sat4j"), new MissingProvider()));
        String[] r = run(new SolversCommand(reg));
        assertEquals("0", r[0], r[2]);
        List<String> lines = r[1].lines().toList();
        assertEquals("sat4j (default)", lines.get(0));
        assertTrue(lines.get(1).startsWith("  availability: available"), lines.get(1));
        assertTrue(lines.get(2).contains("PSEUDO_BOOLEAN"), lines.get(2));
        assertEquals("  squares:      bit products", lines.get(4));
        assertEquals("ghost", lines.get(6));
        assertEquals("  availability: unavailable: libghost.so not found", lines.get(7));
        assertEquals("  capabilities: LIA, INT64_ONLY", lines.get(8));
        assertEquals("  squares:      tangent cuts (lazy)", lines.get(10));
        assertEquals("  description:  a backend whose library is not installed", lines.get(11));
    }

    @Test
    void jsonListsEveryRegisteredBackendOnce() throws Exception {
        SolverRegistry reg = SolverRegistry.load();
        String[] r = run(new SolversCommand(reg), "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode root = new ObjectMapper().readTree(r[1]);
        List<String> ids = new ArrayList<>();
        int defaults = 0;
        for (JsonNode s : root.get("solvers")) {
            ids.add(s.get("id").asText());
            if (s.get("default").asBoolean()) defaults++;
            if (!s.get("available").asBoolean()) assertFalse(s.get("reason").asText().isEmpty(), s.toString());
        }
        assertEquals(reg.ids(), ids);
        assertEquals(1, defaults);
        // how squares reach each backend by default, from its capabilities: NIA natively (cuts where
        // rational domains lower its products), LIA by cuts (z3 and cvc5 by default: their products become bits), PB in bits
        for (JsonNode s : root.get("solvers")) {
            String expected = switch (s.get("id").asText()) {
                case "cpsat", "ext-z3" -> "native products (tangent cuts on rational domains)";
                case "z3", "cvc5", "smtinterpol", "princess", "opensmt", "ext-cbc", "ext-cvc5" -> "tangent cuts (lazy)";
                default -> "bit products";
            };
            assertEquals(expected, s.get("squares").asText(), s.toString());
        }
        // the pure-Java backends work everywhere
        for (JsonNode s : root.get("solvers")) {
            String id = s.get("id").asText();
            if (id.equals("sat4j") || id.equals("smtinterpol") || id.equals("princess")) {
                assertTrue(s.get("available").asBoolean(), s.toString());
            }
        }
        assertTrue(ids.containsAll(List.of("sat4j", "z3", "cpsat", "smtinterpol", "princess", "cvc5", "opensmt")), ids.toString());
    }

    @Test
    void registeredInMain() {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"solvers"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertEquals(0, code);
        assertTrue(out.toString().startsWith("sat4j (default)\n"), out.toString());
    }
}
