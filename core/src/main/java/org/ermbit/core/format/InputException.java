package org.ermbit.core.format;

import java.nio.file.Path;

/**
 * Bad input: a malformed or invalid file, or a bad value. Carries the file and the location inside
 * it (a JSON path like {@code $.network.layers[1].units}, or {@code line 7} for text formats) so the
 * CLI can print one clear line and exit with code 2.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String location;

    public InputException(String file, String location, String message) {
        super(message);
        this.file = file == null ? "" : file;
        this.location = location == null ? "" : location;
    }

    public InputException(Path file, String location, String message) {
        this(file == null ? null : file.toString(), location, message);
    }

    /** The file the problem is in ("" when not from a file). */
    public String file() {
        return file;
    }

    /** The location inside the file ("" when the whole file is concerned). */
    public String location() {
        return location;
    }

    /** One line: {@code FILE: LOCATION: MESSAGE} (empty parts omitted). */
    public String oneLine() {
        StringBuilder sb = new StringBuilder();
        if (!file.isEmpty()) sb.append(file).append(": ");
        if (!location.isEmpty()) sb.append(location).append(": ");
        sb.append(getMessage());
        return PrintableText.oneLine(sb.toString());
    }
}
