package org.ermbit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.reductions.lower.Lowerings;
import org.ermbit.solvers.pipeline.SquaredLossPath;
import org.ermbit.solvers.registry.SolverRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ermbit solvers}: every backend the registry found, with its availability on this machine
 * (probed now; the reason when unavailable), capabilities, the lowering the pipeline applies for it,
 * how the squares of a squared loss reach it, its description and the default marker. Always exits 0.
 */
@Command(name = "solvers", description = "List every solver backend: id, availability (with the reason when unavailable), capabilities, lowering, squares, description.")
final class SolversCommand implements Callable<Integer> {

    @Option(names = "--json", description = "One JSON object {\"solvers\": [...]} instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final SolverRegistry registry;

    SolversCommand() {
        this(SolverRegistry.load());
    }

    /** For tests: list the providers of {@code registry}. */
    SolversCommand(SolverRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(registry.all()));
        } else {
            for (SolverProvider p : registry.all()) text(out, p);
        }
        out.flush();
        return 0;
    }

    private static void text(PrintWriter out, SolverProvider p) {
        Availability a = p.probe();
        out.println(p.id() + (isDefault(p) ? " (default)" : ""));
        out.println("  availability: " + (a.available() ? "available" + (a.version().isEmpty() ? "" : " (" + a.version() + ")") : "unavailable: " + a.reason()));
        out.println("  capabilities: " + capabilities(p).stream().collect(Collectors.joining(", ")));
        out.println("  lowering:     " + lowering(p));
        out.println("  squares:      " + squares(p));
        out.println("  description:  " + p.description());
    }

    private static String json(List<SolverProvider> providers) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("solvers");
        for (SolverProvider p : providers) {
            Availability a = p.probe();
            ObjectNode o = list.addObject();
            o.put("id", p.id());
            o.put("default", isDefault(p));
            o.put("available", a.available());
            o.put("version", a.version());
            o.put("reason", a.available() ? "" : a.reason());
            ArrayNode caps = o.putArray("capabilities");
            capabilities(p).forEach(caps::add);
            o.put("lowering", lowering(p));
            o.put("squares", squares(p));
            o.put("description", p.description());
        }
        return root.toString();
    }

    private static boolean isDefault(SolverProvider p) {
        return p.id().equals(SolverRegistry.DEFAULT_ID);
    }

    /** Capability names in declaration order (stable output). */
    private static List<String> capabilities(SolverProvider p) {
        return p.capabilities().stream().sorted().map(Capability::name).toList();
    }

    /** How the squared loss's squares reach the backend by default ({@code --squares auto}). */
    private static String squares(SolverProvider p) {
        if (SquaredLossPath.AUTO.tangentCutsFor(p.capabilities(), false)) return "tangent cuts (lazy)";
        if (SquaredLossPath.AUTO.tangentCutsFor(p.capabilities(), true)) return "native products (tangent cuts on rational domains)";
        return p.capabilities().contains(Capability.NIA) ? "native products" : "bit products";
    }

    private static String lowering(SolverProvider p) {
        try {
            return Lowerings.forCapabilities(p.capabilities()).toString();
        } catch (IllegalArgumentException e) {
            return "none (the backend takes no constraint model)";
        }
    }
}
