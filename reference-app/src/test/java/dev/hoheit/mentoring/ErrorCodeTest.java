package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.consent.ConsentException;
import dev.hoheit.mentoring.core.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every code the server can send (the registry {@link ErrorCode}, which every AppException, library error and
 * Jetty error goes through) has a German and an English text in the console (errors.js), with the same values.
 */
class ErrorCodeTest {

    private static final Pattern TEXT = Pattern.compile("\\n    code_(\\w+): (\"(?:[^\"\\\\]|\\\\.)*\")");

    @Test
    void every_code_has_a_german_and_an_english_text_with_the_same_values() throws IOException {
        String script = resource("/META-INF/hoheit/mentoring/web/errors.js");
        Map<String, String> german = texts(block(script, "de"));
        Map<String, String> english = texts(block(script, "en"));
        Set<String> codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missingGerman = new TreeSet<>(codes);
        missingGerman.removeAll(german.keySet());
        Set<String> missingEnglish = new TreeSet<>(codes);
        missingEnglish.removeAll(english.keySet());
        assertEquals(Set.of(), missingGerman, "codes the server can send without a German text");
        assertEquals(Set.of(), missingEnglish, "codes the server can send without an English text");
        Set<String> unknown = new TreeSet<>(german.keySet());
        unknown.addAll(english.keySet());
        unknown.removeAll(codes);
        assertEquals(Set.of(), unknown, "texts for codes the server never sends");
        for (String code : codes) {
            assertEquals(placeholders(german.get(code)), placeholders(english.get(code)), "the same values in both languages: " + code);
            assertTrue(code.matches("[a-z][a-z0-9_]*"), "snake_case: " + code);
        }
    }

    @Test
    void every_refusal_of_the_consent_library_has_a_code() {
        for (ConsentException.Problem problem : ConsentException.Problem.values()) {
            // WebServer.consentError answers these with the code of the same name (500s with "internal").
            boolean internal = Set.of("LISTENER_FAILED", "STORAGE", "UNSUPPORTED_DATABASE", "INCOMPATIBLE_DEPENDENCY", "SCHEMA_MISMATCH")
                    .contains(problem.name());
            if (!internal) {
                assertEquals(problem.name(), ErrorCode.valueOf(problem.name()).name());
            }
        }
    }

    private static String block(String script, String language) {
        Matcher block = Pattern.compile("\\n  " + language + ": \\{(.*?)\\n  }", Pattern.DOTALL).matcher(script);
        assertTrue(block.find(), "errors.js has a " + language + " block");
        return block.group(1);
    }

    private static Map<String, String> texts(String block) {
        Map<String, String> texts = new TreeMap<>();
        Matcher text = TEXT.matcher(block);
        while (text.find()) {
            assertTrue(texts.put(text.group(1), text.group(2)) == null, "defined twice: " + text.group(1));
            assertTrue(text.group(2).length() > 4, "a real text for " + text.group(1));
        }
        return texts;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher name = Pattern.compile("\\{(\\w+)}").matcher(text);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ErrorCodeTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
