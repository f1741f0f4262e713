package org.ermbit.solvers.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ermbit.core.spi.CancelToken;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three ways a proof check ends, as answers: certified UNSAT, an error naming the failure, UNKNOWN when stopped. */
class DratCertifierTest {
    @TempDir
    Path dir;

    /** All four clauses over variables 1 and 2. */
    private static final Cnf FOUR = new Cnf(2, List.of(new int[] {1, 2}, new int[] {1, -2}, new int[] {-1, 2}, new int[] {-1, -2}));

    /** Binary DRAT of: lemma (1), the empty clause. With (1) added, propagation already conflicts: 1 lemma is checked. */
    private static final byte[] REFUTATION = {'a', 2, 0, 'a', 0};

    private Path proof(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("proof.drat"), bytes);
    }

    @Test
    void aCheckedProofIsAnUnsatWithItsCertificateAndStatistics() throws IOException {
        Answer a = new DratCertifier("ext-x", ProofOutput.DRAT_AFTER_INPUT).certify(FOUR, proof(REFUTATION), Map.of("exit code", "20"), Limits.none());
        Answer.Unsat u = assertInstanceOf(Answer.Unsat.class, a);
        assertEquals("DRAT proof of its CNF checked: 1 lemma", u.certificate().orElseThrow().summary());
        assertEquals("20", u.stats().get("exit code"));
        assertEquals("5", u.stats().get("proof.bytes"));
        assertEquals("1", u.stats().get("proof.lemmas checked"));
        assertEquals("0", u.stats().get("proof.rat lemmas"));
        assertEquals("backward", u.stats().get("proof.check"), "a proof of 5 bytes fits a 32nd of any heap");
    }

    @Test
    void checkedBackwardALemmaTheRefutationDoesNotUseIsNotChecked() throws IOException {
        // lemmas (3) (a fresh variable), then (1): after (1), (-1 2) and (-1 -2) conflict; (3) is not checked
        byte[] proof = {'a', 6, 0, 'a', 2, 0};
        Answer.Unsat u = assertInstanceOf(Answer.Unsat.class,
                new DratCertifier("ext-x", ProofOutput.DRAT_AFTER_INPUT).certify(FOUR, proof(proof), Map.of(), Limits.none()));
        assertEquals("DRAT proof of its CNF checked: the 1 of 2 lemmas the refutation uses", u.certificate().orElseThrow().summary());
        assertEquals("2", u.stats().get("proof.lemmas"));
        assertEquals("1", u.stats().get("proof.lemmas checked"));
    }

    @Test
    void aProofThatStopsShortIsAnError() throws IOException {
        // the lemma (1 ∨ 2) is RUP (it is a clause of the CNF) but refutes nothing: the proof ends without a conflict
        Answer a = new DratCertifier("ext-x", ProofOutput.DRAT_AFTER_INPUT).certify(FOUR, proof(new byte[] {'a', 2, 4, 0}), Map.of(), Limits.none());
        Answer.Error e = assertInstanceOf(Answer.Error.class, a);
        assertEquals(true, e.reason().startsWith("ext-x answered UNSAT, but its DRAT proof does not check: "), e.reason());
    }

    @Test
    void aStoppedCheckIsUnknownWithTheStopReason() throws IOException {
        Limits past = new Limits(Optional.of(Instant.now().minusSeconds(1)), new CancelToken());
        Answer.Unknown late = assertInstanceOf(Answer.Unknown.class, new DratCertifier("ext-x", ProofOutput.DRAT_AFTER_INPUT).certify(FOUR, proof(REFUTATION), Map.of(), past));
        assertEquals("timeout while checking ext-x's DRAT proof", late.reason());
        Limits cancelled = Limits.none();
        cancelled.cancel().cancel();
        Answer.Unknown stopped = assertInstanceOf(Answer.Unknown.class, new DratCertifier("ext-x", ProofOutput.DRAT_AFTER_INPUT).certify(FOUR, proof(REFUTATION), Map.of(), cancelled));
        assertEquals("cancelled while checking ext-x's DRAT proof", stopped.reason());
    }
}
