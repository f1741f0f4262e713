package org.ermbit.reductions.cnf;

import static org.ermbit.reductions.cnf.DratCheckerProofs.check;
import static org.ermbit.reductions.cnf.DratCheckerProofs.cnf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.spi.CancelToken;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.DratChecker.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Malformed proofs (each a Refuted naming the line or byte offset), stream failures (an IOException)
 * and limits (Stopped). The CNF is satisfiable ((1 2)), so nothing before the bad input can end the check.
 */
class DratCheckerInputTest {

    static final Cnf SAT = cnf(2, new int[] {1, 2});

    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) out[i] = (byte) b[i];
        return out;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            1 x3 0                 | malformed proof at line 1: 'x3' is not a literal
            c x\\n\\n1 2 0\\n  foo 0   | malformed proof at line 4: 'foo' is not a literal
            1 2 0\\n1 2            | truncated proof: the last clause has no terminating 0 (line 2)
            1 2 0\\n1\\n2\\n           | truncated proof: the last clause has no terminating 0 (line 2)
            d 1 2                  | truncated proof: the last clause has no terminating 0 (line 1)
            1 2 0\\nd\\n             | truncated proof: the last clause has no terminating 0 (line 2)
            1 99999999999 0        | malformed proof at line 1: literal 99999999999 does not fit in an int
            -2147483648 0          | malformed proof at line 1: literal -2147483648 does not fit in an int
            1 268435457 0          | malformed proof at line 1: variable 268435457 exceeds the maximum 268435456
            -268435457 0           | malformed proof at line 1: variable 268435457 exceeds the maximum 268435456
            1 -0                   | malformed proof at line 1: '-0' is not a literal
            +1 0                   | malformed proof at line 1: '+1' is not a literal
            1-2 0                  | malformed proof at line 1: '1-2' is not a literal
            1 - 2 0                | malformed proof at line 1: '-' is not a literal
            1 2 0 c no             | malformed proof at line 1: 'c' is not a literal
            1 d 2 0                | malformed proof at line 1: 'd' is not a literal
            d d 1 0                | malformed proof at line 1: 'd' is not a literal
            dx 1 0                 | malformed proof at line 1: 'dx' is not a literal
            d1 0                   | malformed proof at line 1: 'd1' is not a literal
            p cnf 2 1              | malformed proof at line 1: 'p' is not a literal
            1 2 0\\r\\n3\\r\\nx 0       | malformed proof at line 3: 'x' is not a literal
            """)
    void malformedText(String proof, String reason) {
        String text = proof.strip().replace("\\n", "\n").replace("\\r", "\r");
        assertEquals(new ProofCheck.Refuted(reason), check(SAT, text));
    }

    @Test
    void longOrBinaryTokensAreShownShortAndPrintable() {
        ProofCheck r = check(SAT, "1 2 0\n" + "y".repeat(100) + " 0\n");
        assertEquals(new ProofCheck.Refuted("malformed proof at line 2: '" + "y".repeat(37) + "...' is not a literal"), r);
        r = check(SAT, "9".repeat(100) + " 0\n");
        assertEquals(new ProofCheck.Refuted("malformed proof at line 1: literal " + "9".repeat(37)
                + "... does not fit in an int"), r);
        // a binary proof read as text
        byte[] binary = DratCheckerProofs.binary(List.of(DratCheckerProofs.Step.add(1, -2)));
        assertEquals(new ProofCheck.Refuted("malformed proof at line 1: 'a???' is not a literal"),
                check(SAT, binary, Format.TEXT));
    }

    @Test
    void malformedBinary() {
        // 'a' then 0x82: a varint that continues past the end
        assertEquals(new ProofCheck.Refuted("truncated proof: the last clause has no terminating 0 (step at byte 0)"),
                check(SAT, bytes('a', 0x82), Format.BINARY));
        assertEquals(new ProofCheck.Refuted("truncated proof: the last clause has no terminating 0 (step at byte 4)"),
                check(SAT, bytes('a', 2, 4, 0, 'a', 2, 4), Format.BINARY));
        assertEquals(new ProofCheck.Refuted("truncated proof: the last clause has no terminating 0 (step at byte 4)"),
                check(SAT, bytes('a', 2, 4, 0, 'd'), Format.BINARY));
        assertEquals(new ProofCheck.Refuted("malformed proof at byte 4: unknown step byte 0x0a (expected 'a' or 'd')"),
                check(SAT, bytes('a', 2, 4, 0, '\n'), Format.BINARY));
        // a text proof read as binary
        assertEquals(new ProofCheck.Refuted("malformed proof at byte 0: unknown step byte 0x31 (expected 'a' or 'd')"),
                check(SAT, "1 2 0\n".getBytes(StandardCharsets.US_ASCII), Format.BINARY));
        // 1 = 2*0 + 1: variable 0
        assertEquals(new ProofCheck.Refuted("malformed proof at byte 2: literal of variable 0"),
                check(SAT, bytes('a', 2, 1, 0), Format.BINARY));
        // six bytes: more than 32 bits
        assertEquals(new ProofCheck.Refuted("malformed proof at byte 1: literal does not fit in an int"),
                check(SAT, bytes('a', 0xff, 0xff, 0xff, 0xff, 0x8f, 0x01, 0), Format.BINARY));
        // five bytes, 35 bits set
        assertEquals(new ProofCheck.Refuted("malformed proof at byte 1: literal does not fit in an int"),
                check(SAT, bytes('a', 0xff, 0xff, 0xff, 0xff, 0x7f, 0), Format.BINARY));
        // 2 * (2^28 + 1) = 2^29 + 2
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('a');
        out.write(2);
        DratCheckerProofs.varint(out, (1L << 29) + 2);
        out.write(0);
        assertEquals(new ProofCheck.Refuted("malformed proof at byte 2: variable 268435457 exceeds the maximum 268435456"),
                check(SAT, out.toByteArray(), Format.BINARY));
    }

    @Test
    void manyDeclaredVariablesCostNothingUntilUsed() {
        // 2^28 declared, two used: per-variable arrays grow with the largest variable clauses use
        Cnf cnf = new Cnf(1 << 28, List.of(new int[] {1, 2}, new int[] {-1, 2}, new int[] {-2, 1}));
        // (-2): assign 2: 1 by (-2 1), no conflict; RAT on -2: the resolvents with (1 2) and (-1 2)
        // are (-2 1) (assign 2, -1: (-2 1) conflicts) and (-2 -1) (assign 2, 1: no conflict): refused
        assertEquals(new ProofCheck.Refuted("lemma 1 (line 1) is neither RUP nor RAT on its first literal -2"),
                check(cnf, "-2 0\n"));
        // (2): assign -2: 1 by (1 2), (-1 2) conflicts; adding it: 1 by (-2 1), no conflict
        assertEquals(new ProofCheck.Refuted("the proof ends without deriving the empty clause (1 lemma checked)"),
                check(cnf, "2 0\n"));
        assertThrows(IllegalArgumentException.class, () -> DratChecker.check(new Cnf((1 << 28) + 1, List.of()),
                new ByteArrayInputStream(new byte[0]), Format.TEXT, Limits.none()));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void aStreamFailureIsAnIoException(Format format) {
        byte[] proof = DratCheckerProofs.encode(List.of(DratCheckerProofs.Step.add(1, 2)), format);
        InputStream failing = new InputStream() {
            int served;

            @Override
            public int read() throws IOException {
                if (served < proof.length) return proof[served++] & 0xff;
                throw new IOException("disk on fire");
            }
        };
        IOException e = assertThrows(IOException.class, () -> DratChecker.check(SAT, failing, format, Limits.none()));
        assertEquals("disk on fire", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void expiredLimitsStopBeforeAnything(Format format) throws IOException {
        Limits past = new Limits(Optional.of(Instant.EPOCH), new CancelToken());
        Cnf refuted = cnf(1, new int[] {1}, new int[] {-1});
        assertEquals(new ProofCheck.Stopped("timeout"),
                DratChecker.check(refuted, new ByteArrayInputStream(new byte[0]), format, past));
        CancelToken token = new CancelToken();
        token.cancel();
        assertEquals(new ProofCheck.Stopped("cancelled"),
                DratChecker.check(refuted, new ByteArrayInputStream(new byte[0]), format, new Limits(Optional.empty(), token)));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void cancellingDuringTheProofStopsIt(Format format) throws IOException {
        // 5000 copies of the lemma (1 2) (each RUP): the stream hands out one byte per read and cancels
        // after the first fifth; the checker must notice within the remaining 4000 lemmas
        List<DratCheckerProofs.Step> steps = new ArrayList<>();
        for (int i = 0; i < 5000; i++) steps.add(DratCheckerProofs.Step.add(1, 2));
        byte[] proof = DratCheckerProofs.encode(steps, format);
        assertEquals(new ProofCheck.Refuted("the proof ends without deriving the empty clause (5000 lemmas checked)"),
                check(SAT, proof, format));
        CancelToken token = new CancelToken();
        InputStream slow = new InputStream() {
            int served;

            @Override
            public int read() {
                if (served == proof.length / 5) token.cancel();
                return served < proof.length ? proof[served++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) return 0;
                int c = read();
                if (c < 0) return -1;
                b[off] = (byte) c;
                return 1;
            }
        };
        ProofCheck r = DratChecker.check(SAT, slow, format, new Limits(Optional.empty(), token));
        assertEquals(new ProofCheck.Stopped("cancelled"), r);
        assertInstanceOf(ProofCheck.Stopped.class, r);
        assertTrue(token.isCancelled());
    }
}
