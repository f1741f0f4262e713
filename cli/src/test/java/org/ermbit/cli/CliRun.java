package org.ermbit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures exit code, stdout and stderr. */
record CliRun(int exit, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Non-empty lines of stderr, split at every character a line-splitting reader may break at (as
     * Python's {@code str.splitlines}: \n, \r, VT, FF, FS, GS, RS, NEL, U+2028, U+2029).
     */
    java.util.List<String> errLines() {
        return java.util.Arrays.stream(err.split("[\n\r\u000B\u000C\u001C-\u001E\u0085\u2028\u2029]"))
                .filter(l -> !l.isBlank()).toList();
    }
}
