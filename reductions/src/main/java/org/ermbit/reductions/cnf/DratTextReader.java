package org.ermbit.reductions.cnf;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * Reads DRAT text: whitespace-separated integers, each clause ended by {@code 0} (a clause may span
 * lines, and a line may hold several), a deletion starts with the token {@code d}, and a line whose
 * first token starts with {@code c} is a comment. LF, CRLF and CR line ends are lines. Anything else
 * — another token, {@code -0}, a variable above {@link #MAX_VARIABLE}, input ending inside a clause —
 * is malformed, reported with its line. In PicoSAT's RUP variant the first line must be the header
 * {@code %RUPD32 VARIABLES CLAUSES} (padded with spaces as PicoSAT writes it) and deletions are malformed.
 */
final class DratTextReader extends DratProofReader {

    private static final int NONE = -2;
    private static final int SHOWN = 41;
    /** PicoSAT's RUP header; PicoSAT pads the line with spaces to leave room for the final counts. */
    private static final Pattern RUP_HEADER = Pattern.compile("%RUPD32 +\\d{1,10} +\\d{1,19} *");
    /** Longest header line read (PicoSAT writes 256 characters). */
    private static final int MAX_HEADER = 4096;

    /** PicoSAT's RUP variant: a header line first, no deletions. */
    private final boolean rup;
    private boolean headerRead;

    private long line = 1;
    private boolean lineStart = true;
    /** A character read after a token and not processed yet (or NONE). */
    private int pending = NONE;
    private long stepLine;
    private final byte[] token = new byte[SHOWN];
    private int tokenLength;
    private boolean tokenLonger;

    /** {@code rup}: PicoSAT's RUP variant (header line, no deletions) instead of DRAT text. */
    DratTextReader(InputStream in, boolean rup) {
        super(in);
        this.rup = rup;
    }

    @Override
    long stepPosition() {
        return stepLine;
    }

    @Override
    String where(long position) {
        return "line " + position;
    }

    @Override
    boolean next() throws IOException, MalformedProofException {
        if (rup && !headerRead) readRupHeader();
        boolean started = false;
        while (true) {
            int c = pending;
            if (c == NONE) {
                c = read();
            } else {
                pending = NONE;
            }
            switch (c) {
                case -1 -> {
                    if (!started) return false;
                    throw new MalformedProofException("truncated proof: the last clause has no terminating 0 (line " + stepLine + ")");
                }
                case '\n' -> {
                    line++;
                    lineStart = true;
                    continue;
                }
                case '\r' -> {
                    line++;
                    lineStart = true;
                    int d = read();
                    if (d != '\n') pending = d;
                    continue;
                }
                case ' ', '\t', '\f', 0x0B -> {
                    continue;
                }
                default -> {
                    // a token
                }
            }
            if (c == 'c' && lineStart) {
                skipLine();
                continue;
            }
            lineStart = false;
            if (!started) stepLine = line;
            if (c == 'd' && !started) {
                int d = read();
                if (d == -1 || isSpace(d)) {
                    if (rup) throw malformed("a RUP proof has no deletions");
                    pending = d;
                    startStep(true);
                    started = true;
                    continue;
                }
                literal(c, d); // not the deletion marker: a token like "dx", which is reported
                throw new AssertionError("a token starting with 'd' is not a literal");
            }
            if (!started) {
                startStep(false);
                started = true;
            }
            int lit = literal(c, read());
            if (lit == 0) return true;
            addLiteral(lit);
        }
    }

    /** Reads and checks the first line of a RUP proof; the counts it gives are not needed for the check. */
    private void readRupHeader() throws IOException, MalformedProofException {
        headerRead = true;
        StringBuilder header = new StringBuilder();
        int c = read();
        while (c != -1 && c != '\n' && c != '\r' && header.length() <= MAX_HEADER) {
            header.append((char) c);
            c = read();
        }
        pending = c;
        if (header.length() > MAX_HEADER || !RUP_HEADER.matcher(header).matches()) {
            throw malformed("a RUP proof starts with the line %RUPD32 VARIABLES CLAUSES");
        }
    }

    private void skipLine() throws IOException {
        int c;
        do {
            c = read();
        } while (c != -1 && c != '\n' && c != '\r');
        pending = c;
    }

    /** Reads the token starting with {@code first}, {@code second}: a literal, or 0 ending a clause. */
    private int literal(int first, int second) throws IOException, MalformedProofException {
        tokenLength = 0;
        tokenLonger = false;
        boolean negative = false;
        boolean numeric = true;
        long value = 0;
        int digits = 0;
        int ch = first;
        int index = 0;
        while (ch != -1 && !isSpace(ch)) {
            if (tokenLength < SHOWN) {
                token[tokenLength++] = (byte) ch;
            } else {
                tokenLonger = true;
            }
            if (index == 0 && ch == '-') {
                negative = true;
            } else if (ch >= '0' && ch <= '9') {
                digits++;
                if (value <= Integer.MAX_VALUE) value = value * 10 + (ch - '0');
            } else {
                numeric = false;
            }
            ch = index++ == 0 ? second : read();
        }
        pending = ch;
        if (!numeric || digits == 0) throw malformed("'" + shown(token, tokenLength, tokenLonger) + "' is not a literal");
        if (value == 0) {
            if (negative) throw malformed("'" + shown(token, tokenLength, tokenLonger) + "' is not a literal");
            return 0;
        }
        if (value > Integer.MAX_VALUE) {
            throw malformed("literal " + shown(token, tokenLength, tokenLonger) + " does not fit in an int");
        }
        if (value > MAX_VARIABLE) throw malformed("variable " + value + " exceeds the maximum " + MAX_VARIABLE);
        return negative ? -(int) value : (int) value;
    }

    private MalformedProofException malformed(String what) {
        return new MalformedProofException("malformed proof at line " + line + ": " + what);
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0x0B;
    }
}
