package dev.hoheit.transaction.internal;

import dev.hoheit.transaction.MigrationScript;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a library's migration scripts from its jar, for hosts that run them themselves. */
public final class MigrationScripts {

    private static final Pattern FILE = Pattern.compile("V([0-9_.]+)__(\\w+)\\.sql");

    private MigrationScripts() {
    }

    /**
     * The scripts {@code fileNames} (in the order given) from the folder of {@code database} under
     * {@code location} ({@code classpath:META-INF/hoheit/consent/migration}), read through
     * {@code anchor}, a class of the library. A database name other than {@code h2},
     * {@code postgresql} or {@code mariadb} fails with {@code invalid}.
     */
    public static List<MigrationScript> read(Class<?> anchor, String location, String database, List<String> fileNames,
                                             Function<String, RuntimeException> invalid) {
        String folder = folder(database, invalid);
        String base = "/" + location.substring("classpath:".length()) + "/" + folder + "/";
        List<MigrationScript> scripts = new ArrayList<>();
        for (String fileName : fileNames) {
            Matcher name = FILE.matcher(fileName);
            if (!name.matches()) {
                throw new IllegalStateException("not a Flyway versioned script name: " + fileName);
            }
            try (InputStream in = anchor.getResourceAsStream(base + fileName)) {
                if (in == null) {
                    throw invalid.apply("there is no " + fileName + " for " + folder + " in " + location);
                }
                String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                scripts.add(new MigrationScript(name.group(1).replace('_', '.'), name.group(2).replace('_', ' '), fileName, sql));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + base + fileName, e);
            }
        }
        return List.copyOf(scripts);
    }

    private static String folder(String database, Function<String, RuntimeException> invalid) {
        if (database != null) {
            for (Platform.Database known : Platform.Database.values()) {
                if (known.folder().equals(database.toLowerCase(Locale.ROOT))) {
                    return known.folder();
                }
            }
        }
        throw invalid.apply("database '" + database + "' is none of h2, postgresql, mariadb");
    }
}
