package org.ermbit.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CSV data (docs/FORMAT.md, "From CSV"): the dialect, column selection, and errors that name the CSV
 * file, the line and the column. The network has 2 inputs and 1 output unless a case says otherwise.
 */
class CsvDataTest {

    @TempDir
    Path dir;

    private ErmInstance read(String csv, String data) throws IOException {
        Files.writeString(dir.resolve("d.csv"), csv);
        return InstanceReader.parse(instance(data), "i.json", dir);
    }

    private static String instance(String data) {
        return "{\"format\": \"ermbit/1\", \"name\": \"c\", \"network\": {\"inputs\": 2, \"layers\": [{\"units\": 1, \"activation\": \"identity\"}]},"
                + " \"parameters\": {\"domain\": \"fixed\", \"bits\": 2}, \"loss\": {\"type\": \"squared\"}, \"threshold\": 0, \"data\": " + data + "}";
    }

    private static final String Y = "{\"csv\": \"d.csv\", \"targets\": [\"y\"]}";

    private static Rational r(long p, long q) {
        return Rational.of(p, q);
    }

    /** The target may be any column, also the first one, whose name follows the byte-order mark. */
    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws IOException {
        ErmInstance i = read("\uFEFFy,a,b\n1,2,3\n-1,1/2,0.25\n", Y);
        assertEquals(List.of(List.of(r(2, 1), r(3, 1)), List.of(r(1, 2), r(1, 4))), i.data().inputs());
        assertEquals(List.of(List.of(r(1, 1)), List.of(r(-1, 1))), i.data().targets());
    }

    /**
     * CSV data from a named pipe is read like a file (docs/FORMAT.md, Standard input); it was refused as
     * "CSV file not found" because only regular files were taken (found while fuzzing inputs).
     */
    @Test
    void csvDataFromANamedPipeIsRead() throws Exception {
        Path fifo = dir.resolve("d.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        Thread writer = new Thread(() -> {
            try (var out = Files.newOutputStream(fifo)) {
                out.write("a,b,y\n1,2,3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();
        ErmInstance i = InstanceReader.parse(instance(Y), "i.json", dir);
        writer.join();
        assertEquals(List.of(List.of(r(1, 1), r(2, 1))), i.data().inputs());
        assertEquals(List.of(List.of(r(3, 1))), i.data().targets());
    }

    /** inputs names the input columns in the order given, not the file's order. */
    @Test
    void inputColumnsInTheOrderGiven() throws IOException {
        ErmInstance i = read("a,b,c,y\n1,2,3,4\n", "{\"csv\": \"d.csv\", \"targets\": [\"y\"], \"inputs\": [\"c\", \"a\"]}");
        assertEquals(List.of(List.of(r(3, 1), r(1, 1))), i.data().inputs());
        assertEquals(List.of(List.of(r(4, 1))), i.data().targets());
    }

    /** Quotes: a quoted field may end the line, be followed by spaces, and contain "" for a quote. */
    @Test
    void quotedFields() throws IOException {
        ErmInstance i = read("a,b,\"y\"\"1\"\n\"1\",2,\"3\"\n4, \"5\" ,\"6\"   \n", "{\"csv\": \"d.csv\", \"targets\": [\"y\\\"1\"]}");
        assertEquals(List.of(List.of(r(1, 1), r(2, 1)), List.of(r(4, 1), r(5, 1))), i.data().inputs());
        assertEquals(List.of(List.of(r(3, 1)), List.of(r(6, 1))), i.data().targets());
    }

    static Stream<Arguments> badCsv() {
        return Stream.of(
                // line numbers count every line of the file, blank ones included
                Arguments.of("a,b,y\n\n1,2,1\n\n1,x,1\n", Y, "line 5, column \"b\"", "\"x\" is not a number"),
                Arguments.of("a,b,y\r\n1,2,1\r\n1,2,1/0\r\n", Y, "line 3, column \"y\"", "denominator is zero"),
                // a last field of spaces only is an empty field, not a crash
                Arguments.of("a,b,y\n1,2,  \n", Y, "line 2, column \"y\"", "empty string is not a number"),
                Arguments.of("a,b,y\n1,2,\n", Y, "line 2, column \"y\"", "empty string is not a number"),
                // only the file's first bytes can be a byte-order mark; U+FEFF further on is not a number
                Arguments.of("a,b,y\n\uFEFF1,2,3\n", Y, "line 2, column \"a\"", "is not a number"),
                Arguments.of("a,b,y\n1,\"2,1\n", Y, "line 2", "unterminated double quote"),
                Arguments.of("a,b,y\n1,\"2\"x,1\n", Y, "line 2", "text after a closing quote"),
                Arguments.of("a,b,y\n1,2\"3,1\n", Y, "line 2", "a double quote inside an unquoted field"),
                Arguments.of("a,b,y\n1,2\n", Y, "line 2", "row has 2 fields, the header has 3"),
                Arguments.of("a,b,y\n1\n", Y, "line 2", "row has 1 field, the header has 3"),
                Arguments.of("a,,y\n1,2,3\n", Y, "line 1, column 2", "empty column name in header"),
                Arguments.of("\n\na,b,a\n1,2,3\n", Y, "line 3", "column name \"a\" appears twice in the header"),
                Arguments.of("a,b,y\n\n", Y, "", "CSV file has a header but no data rows"),
                Arguments.of("\n \n", Y, "", "CSV file is empty, expected a header row"));
    }

    @ParameterizedTest(name = "{2}: {3}")
    @MethodSource("badCsv")
    void csvErrorsNameTheCsvFileLineAndColumn(String csv, String data, String location, String messagePart) throws IOException {
        InputException e = assertThrows(InputException.class, () -> read(csv, data));
        assertEquals(dir.resolve("d.csv").toString(), e.file());
        assertEquals(location, e.location(), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    static Stream<Arguments> badData() {
        return Stream.of(
                Arguments.of("a,b,y\n1,2,3\n", "{\"csv\": \"d.csv\", \"targets\": [\"y\"], \"input\": [\"a\", \"b\"]}",
                        "$.data", "unknown key \"input\" (did you mean \"inputs\"?)"),
                Arguments.of("a,b,y\n1,2,3\n", "{\"csv\": \"d.csv\"}", "$.data", "missing required key \"targets\""),
                Arguments.of("a,b,c,y\n1,2,3,4\n", Y, "$.data.csv", "3 input columns in d.csv but the network has 2 inputs"),
                Arguments.of("a,b,c,y\n1,2,3,4\n", "{\"csv\": \"d.csv\", \"targets\": [\"y\"], \"inputs\": [\"a\"]}",
                        "$.data.inputs", "1 input column in d.csv but the network has 2 inputs"),
                Arguments.of("a,b,y\n1,2,3\n", "{\"csv\": \"d.csv\", \"targets\": [\"y\", \"b\"], \"inputs\": [\"a\", \"b\"]}",
                        "$.data.inputs", "column \"b\" is both an input and a target"),
                Arguments.of("a,b,y\n1,2,3\n", "{\"csv\": \"d.csv\", \"targets\": [\"z\"]}", "$.data.targets[0]", "no column \"z\""),
                Arguments.of("a,b,y\n1,2,3\n", "{\"csv\": \"d.csv\", \"targets\": [\"y\"], \"inputs\": [\"a\", \"a\"]}",
                        "$.data.inputs[1]", "column \"a\" is listed twice"),
                Arguments.of("a,b,y\n1,2,3\n", "{\"csv\": \"d.csv\", \"targets\": []}", "$.data.targets", "expected a non-empty array"),
                Arguments.of("a,b,y\n1,2,3\n", "{\"csv\": \"missing.csv\", \"targets\": [\"y\"]}", "$.data.csv", "CSV file \"missing.csv\" not found"),
                Arguments.of("a,b,y\n1,2,3\n", "{\"csv\": \".\", \"targets\": [\"y\"]}", "$.data.csv", "\".\" is a directory, expected a CSV file"),
                Arguments.of("a,b,y\n1,2,3\n", "{\"csv\": \" \", \"targets\": [\"y\"]}", "$.data.csv", "not found"));
    }

    @ParameterizedTest(name = "{2}: {3}")
    @MethodSource("badData")
    void dataKeyErrorsNameTheInstanceFileAndJsonPath(String csv, String data, String location, String messagePart) throws IOException {
        InputException e = assertThrows(InputException.class, () -> read(csv, data));
        assertEquals("i.json", e.file());
        assertEquals(location, e.location(), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    @Test
    void theWrongNumberOfTargetColumnsIsRefused() throws IOException {
        Files.writeString(dir.resolve("d.csv"), "a,b,y,z\n1,2,3,4\n");
        String json = instance("{\"csv\": \"d.csv\", \"targets\": [\"y\", \"z\"], \"inputs\": [\"a\", \"b\"]}");
        InputException e = assertThrows(InputException.class, () -> InstanceReader.parse(json, "i.json", dir));
        assertEquals("$.data.targets", e.location());
        assertEquals("2 target columns but the network has 1 output", e.getMessage());
    }
}
