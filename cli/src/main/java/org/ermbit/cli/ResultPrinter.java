package org.ermbit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.ermbit.core.format.PrintableText;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.LayerParameters;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;
import org.ermbit.solvers.pipeline.ErmResult;
import org.ermbit.solvers.pipeline.Routes;

/**
 * Prints a pipeline result in the DESIGN §9 line protocol ({@code s …} status line, {@code c …}
 * comments) or as one JSON object. Every rational is printed exactly as {@code p/q} or {@code p};
 * decimal approximations appear only in comments marked with {@code ≈}.
 */
final class ResultPrinter {

    private final PrintWriter out;

    ResultPrinter(PrintWriter out) {
        this.out = out;
    }

    void header(String command, ErmInstance inst, String file) {
        out.println("c ermbit " + command + " " + PrintableText.oneLine(file));
        out.println("c instance " + inst.name() + ": " + counted(inst.architecture().inputs(), "input") + ", "
                + counted(inst.architecture().depth(), "layer") + ", " + counted(inst.data().size(), "data point") + ", "
                + inst.loss().type().jsonName() + " loss (" + inst.loss().aggregate().jsonName() + ")");
        out.flush();
    }

    /** "1 layer", "2 layers". */
    private static String counted(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    void statusComments(ErmResult r) {
        out.println("c route " + r.route());
        if (!r.encodingSummary().isEmpty()) {
            out.println((Routes.EXHAUSTIVE.equals(r.route()) ? "c search " : "c encoding ") + r.encodingSummary());
        }
    }

    void witnessComments(ErmResult r) {
        Rational loss = r.loss().orElseThrow();
        out.println("c loss " + loss + (loss.isInteger() ? "" : "  (≈ " + loss.toDecimalString(6) + ")"));
        out.println("c witness verified by the exact rational verifier"
                + (r.pattern().isPresent() ? "; activation pattern matches the recomputed one" : ""));
        NetworkParameters p = r.witness().orElseThrow();
        for (int l = 1; l <= p.layers().size(); l++) {
            LayerParameters lp = p.layer(l);
            out.println("c layer " + l + " weights " + matrix(lp.weights()) + " biases " + vector(lp.biases()));
        }
    }

    void time(ErmResult r) {
        out.println("c time " + Seconds.of(r.time()) + " s");
    }

    static String vector(List<Rational> v) {
        return v.stream().map(Rational::toString).toList().toString().replace(" ", "");
    }

    static String matrix(List<List<Rational>> m) {
        return m.stream().map(ResultPrinter::vector).toList().toString().replace(" ", "");
    }

    /** The result as a JSON object (status, loss, witness, provenance, reason, timing). */
    void json(String status, ErmResult r, ErmInstance inst) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("status", status);
        o.put("instance", inst.name());
        o.put("route", r.route());
        r.loss().ifPresent(l -> o.put("loss", l.toString()));
        r.witness().ifPresent(p -> {
            ArrayNode layers = o.putObject("witness").putArray("layers");
            for (LayerParameters lp : p.layers()) {
                ObjectNode layer = layers.addObject();
                ArrayNode w = layer.putArray("weights");
                lp.weights().forEach(row -> {
                    ArrayNode a = w.addArray();
                    row.forEach(x -> a.add(x.toString()));
                });
                ArrayNode b = layer.putArray("biases");
                lp.biases().forEach(x -> b.add(x.toString()));
            }
        });
        ArrayNode prov = o.putArray("provenance");
        r.provenance().forEach(prov::add);
        r.certificate().ifPresent(c -> o.putObject("certificate").put("format", c.format()).put("summary", c.summary()));
        if (!r.reason().isEmpty()) o.put("reason", r.reason());
        o.put("encoding", r.encodingSummary());
        o.put("time_ms", r.time().toMillis());
        out.println(o.toString());
    }
}
