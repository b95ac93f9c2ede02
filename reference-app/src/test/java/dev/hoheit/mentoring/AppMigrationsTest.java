package dev.hoheit.mentoring;

import static dev.hoheit.mentoring.internal.jooq.Tables.APP_ACCOUNT;
import static dev.hoheit.mentoring.internal.jooq.Tables.APP_NOTIFICATION;
import static dev.hoheit.mentoring.internal.jooq.Tables.APP_PICTURE;
import static dev.hoheit.mentoring.internal.jooq.Tables.APP_SESSION;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.mentoring.planning.PictureService;
import dev.hoheit.testkit.DatabaseKind;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;

/**
 * The app's own schema on each database, without the libraries: the migrations, and what the app's
 * code relies on of it (instants in UTC, byte-exact nickname keys, sizes, generated sequences).
 */
class AppMigrationsTest {

    private static final List<String> VERSIONS = List.of("1", "2", "3", "4", "5", "6", "11", "12", "13", "15", "16", "17", "18");

    @DatabaseTest
    void the_schema_migrates_to_version_17_and_a_second_start_changes_nothing(TestDatabase db) {
        AppMigrations.migrate(db.dataSource());
        AppMigrations.migrate(db.dataSource());
        List<String> applied = db.rows("SELECT " + db.quoted("version") + " FROM " + db.quoted("smoffen_schema_history")
                + " WHERE " + db.quoted("success") + " AND " + db.quoted("version") + " IS NOT NULL ORDER BY " + db.quoted("installed_rank")).stream()
                .map(row -> String.valueOf(row.get("version"))).toList();
        assertEquals(VERSIONS, applied);
        assertTrue(db.tableNames().containsAll(List.of("app_account", "app_person_key", "app_session", "app_smoff_session", "app_plan",
                "app_picture", "app_message", "app_course", "app_course_member", "app_employment", "app_login_throttle",
                "app_privacy_request", "app_notification", "app_notification_setting", "app_account_code",
                "app_registration_throttle")), db.tableNames().toString());
    }

    @DatabaseTest
    void instants_are_stored_in_utc_whatever_the_session_time_zone(TestDatabase db) throws SQLException {
        AppMigrations.migrate(db.dataSource());
        Instant created = Instant.parse("2026-03-29T01:30:00.123456Z"); // the hour Europe's clocks skip
        try (Connection connection = db.dataSource().getConnection()) {
            if (db.kind() == DatabaseKind.MARIADB) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET time_zone = '+05:30'");
                }
            }
            DSLContext jooq = context(connection);
            insertAccount(jooq, "anna", "anna", created);
            assertEquals(created, jooq.select(APP_ACCOUNT.CREATED_AT).from(APP_ACCOUNT).fetchSingle(APP_ACCOUNT.CREATED_AT));
            assertEquals(1, jooq.fetchCount(APP_ACCOUNT, APP_ACCOUNT.CREATED_AT.eq(created)), "compared as the same instant");
        }
        if (db.kind() == DatabaseKind.MARIADB) {
            assertEquals("2026-03-29 01:30:00.123456", db.rows("SELECT CAST(created_at AS CHAR) AS stored FROM app_account")
                    .get(0).get("stored"), "the column holds UTC, not the session's local time");
        }
    }

    @DatabaseTest
    void nickname_keys_compare_byte_by_byte_whatever_the_database_collation(TestDatabase db) throws SQLException {
        AppMigrations.migrate(db.dataSource());
        try (Connection connection = db.dataSource().getConnection()) {
            DSLContext jooq = context(connection);
            // A case- and accent-insensitive collation (MariaDB's utf8mb4_general_ci) would call these taken.
            insertAccount(jooq, "anna", "anna", Instant.EPOCH);
            insertAccount(jooq, "änna", "a\u0308nna", Instant.EPOCH);
            insertAccount(jooq, "Anna2", "anna2", Instant.EPOCH);
            assertEquals(1, jooq.fetchCount(APP_ACCOUNT, APP_ACCOUNT.NICKNAME_KEY.eq("anna")));
            assertEquals(0, jooq.fetchCount(APP_ACCOUNT, APP_ACCOUNT.NICKNAME_KEY.eq("ANNA")));
            DataAccessException taken = assertThrows(DataAccessException.class, () -> insertAccount(jooq, "anna", "other", Instant.EPOCH));
            assertTrue(taken.sqlState().startsWith("23"), taken.sqlState());
            DataAccessException lookAlike = assertThrows(DataAccessException.class, () -> insertAccount(jooq, "anna3", "a\u0308nna", Instant.EPOCH));
            assertTrue(lookAlike.sqlState().startsWith("23"), "an equal skeleton is refused: " + lookAlike.sqlState());
        }
    }

    @DatabaseTest
    void a_skeleton_of_400_characters_is_unique_and_a_picture_of_the_upload_limit_is_kept(TestDatabase db) throws SQLException {
        AppMigrations.migrate(db.dataSource());
        try (Connection connection = db.dataSource().getConnection()) {
            DSLContext jooq = context(connection);
            // 400 four-byte characters, 1,600 bytes of index key (H2 counts UTF-16 units: 400 three-byte ones there).
            String longest = (db.kind() == DatabaseKind.H2 ? "\u20AC" : "\uD83D\uDE00").repeat(400);
            insertAccount(jooq, "smiles", longest, Instant.EPOCH);
            assertThrows(DataAccessException.class, () -> insertAccount(jooq, "smiles2", longest, Instant.EPOCH));
            byte[] content = new byte[PictureService.MAX_BYTES + 28]; // the limit, sealed (IV and tag)
            new Random(16).nextBytes(content);
            String id = UUID.randomUUID().toString();
            jooq.insertInto(APP_PICTURE).set(APP_PICTURE.PICTURE_ID, id).set(APP_PICTURE.ACCOUNT_ID, id).set(APP_PICTURE.MEDIA_TYPE, "image/png")
                    .set(APP_PICTURE.WIDTH, 1).set(APP_PICTURE.HEIGHT, 1).set(APP_PICTURE.CONTENT_ENC, content)
                    .set(APP_PICTURE.CREATED_AT, Instant.EPOCH).execute();
            assertArrayEquals(content, jooq.select(APP_PICTURE.CONTENT_ENC).from(APP_PICTURE).fetchSingle(APP_PICTURE.CONTENT_ENC));
        }
    }

    @DatabaseTest
    void sessions_and_notifications_get_increasing_sequence_numbers(TestDatabase db) throws SQLException {
        AppMigrations.migrate(db.dataSource());
        try (Connection connection = db.dataSource().getConnection()) {
            DSLContext jooq = context(connection);
            for (int i = 0; i < 3; i++) {
                jooq.insertInto(APP_SESSION).set(APP_SESSION.TOKEN_HASH, "t" + i).set(APP_SESSION.ACCOUNT_ID, "a").set(APP_SESSION.CSRF_HASH, "c")
                        .set(APP_SESSION.CREATED_AT, Instant.EPOCH).set(APP_SESSION.LAST_SEEN_AT, Instant.EPOCH)
                        .set(APP_SESSION.EXPIRES_AT, Instant.EPOCH).set(APP_SESSION.SESSION_ID, UUID.randomUUID().toString()).execute();
                jooq.insertInto(APP_NOTIFICATION).set(APP_NOTIFICATION.NOTIFICATION_ID, UUID.randomUUID().toString())
                        .set(APP_NOTIFICATION.ACCOUNT_ID, "a").set(APP_NOTIFICATION.KIND, "SERVICE").set(APP_NOTIFICATION.EVENT_ENC, new byte[] {1})
                        .set(APP_NOTIFICATION.CREATED_AT, Instant.EPOCH).set(APP_NOTIFICATION.IN_APP, true)
                        .set(APP_NOTIFICATION.EMAIL_STATE, "NONE").set(APP_NOTIFICATION.EMAIL_ATTEMPTS, 0).execute();
            }
            List<Long> sessions = jooq.select(APP_SESSION.SESSION_SEQ).from(APP_SESSION).orderBy(APP_SESSION.TOKEN_HASH).fetch(APP_SESSION.SESSION_SEQ);
            assertTrue(sessions.get(0) < sessions.get(1) && sessions.get(1) < sessions.get(2), sessions.toString());
            assertEquals(3, jooq.selectDistinct(APP_NOTIFICATION.SEQ).from(APP_NOTIFICATION).fetch().size());
            DataAccessException badKind = assertThrows(DataAccessException.class, () -> jooq.update(APP_NOTIFICATION)
                    .set(APP_NOTIFICATION.KIND, "GOSSIP").execute());
            assertTrue(badKind.sqlState().startsWith("23"), "the CHECK constraint holds: " + badKind.sqlState());
        }
    }

    private static DSLContext context(Connection connection) {
        return DSL.using(connection, JDBCUtils.dialect(connection), new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withRenderSchema(false));
    }

    private static void insertAccount(DSLContext jooq, String nickname, String skeleton, Instant at) {
        jooq.insertInto(APP_ACCOUNT).set(APP_ACCOUNT.ACCOUNT_ID, UUID.randomUUID().toString()).set(APP_ACCOUNT.NICKNAME, nickname)
                .set(APP_ACCOUNT.NICKNAME_KEY, nickname.toLowerCase(java.util.Locale.ROOT)).set(APP_ACCOUNT.NICKNAME_SKELETON, skeleton)
                .set(APP_ACCOUNT.PASSWORD_HASH, "x").set(APP_ACCOUNT.ROLES, "mentee").set(APP_ACCOUNT.CREATED_AT, at)
                .set(APP_ACCOUNT.UPDATED_AT, at).execute();
    }
}
