package dev.hoheit.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the README's usage examples honest: the code between {@code // README example start} and
 * {@code // README example end} in a test must appear, line for line (ignoring indentation), in the
 * repository's README.md.
 */
public final class ReadmeBlocks {

    private static final String START = "// README example start";
    private static final String END = "// README example end";

    private ReadmeBlocks() {
    }

    /** Fails unless the marked example of {@code testSource} appears verbatim in {@code ../README.md}. */
    public static void assertReadmeContainsExample(Path testSource) throws IOException {
        List<String> example = between(Files.readAllLines(testSource));
        if (example.isEmpty()) {
            throw new AssertionError(testSource + " has no README example markers");
        }
        List<String> readme = Files.readAllLines(Path.of("..", "README.md")).stream().map(String::strip).toList();
        if (java.util.Collections.indexOfSubList(readme, example) < 0) {
            throw new AssertionError("README.md does not show the example of " + testSource.getFileName()
                    + " verbatim; expected these lines in order:\n" + String.join("\n", example));
        }
    }

    private static List<String> between(List<String> lines) {
        List<String> result = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            String stripped = line.strip();
            if (stripped.equals(START)) {
                inside = true;
            } else if (stripped.equals(END)) {
                return result;
            } else if (inside) {
                result.add(stripped);
            }
        }
        return inside ? List.of() : result;
    }
}
