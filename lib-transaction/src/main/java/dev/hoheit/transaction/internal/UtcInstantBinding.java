package dev.hoheit.transaction.internal;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DefaultBinding;
import org.jooq.impl.SQLDataType;

/**
 * The libraries' {@code TIMESTAMP WITH TIME ZONE} columns as {@link Instant}s (the generated code uses
 * it for every such column). H2 and PostgreSQL keep jOOQ's own binding. MariaDB has no time zone
 * type: there the columns are {@code DATETIME(6)} holding UTC, and an instant is bound and read as
 * a UTC {@link LocalDateTime}, so neither the session's nor the JVM's time zone changes what is stored
 * (jOOQ's own binding would send an offset, which MariaDB refuses).
 */
public final class UtcInstantBinding implements Binding<OffsetDateTime, Instant> {

    private static final long serialVersionUID = 1L;
    private static final Binding<Instant, Instant> DEFAULT = DefaultBinding.binding(SQLDataType.INSTANT);
    private static final Converter<OffsetDateTime, Instant> CONVERTER = Converter.ofNullable(OffsetDateTime.class,
            Instant.class, OffsetDateTime::toInstant, instant -> instant.atOffset(ZoneOffset.UTC));
    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    @Override
    public Converter<OffsetDateTime, Instant> converter() {
        return CONVERTER;
    }

    private static boolean utcDateTime(SQLDialect dialect) {
        SQLDialect family = dialect.family();
        return family == SQLDialect.MARIADB || family == SQLDialect.MYSQL;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public void sql(BindingSQLContext<Instant> ctx) throws SQLException {
        if (!utcDateTime(ctx.dialect())) {
            DEFAULT.sql(ctx);
        } else if (ctx.render().paramType() == ParamType.INLINED) {
            ctx.render().sql(ctx.value() == null ? "NULL" : "TIMESTAMP '" + utc(ctx.value()).format(LITERAL) + "'");
        } else {
            ctx.render().sql(ctx.variable());
        }
    }

    @Override
    public void register(BindingRegisterContext<Instant> ctx) throws SQLException {
        if (utcDateTime(ctx.dialect())) {
            ctx.statement().registerOutParameter(ctx.index(), Types.TIMESTAMP);
        } else {
            DEFAULT.register(ctx);
        }
    }

    @Override
    public void set(BindingSetStatementContext<Instant> ctx) throws SQLException {
        if (!utcDateTime(ctx.dialect())) {
            DEFAULT.set(ctx);
        } else if (ctx.value() == null) {
            ctx.statement().setNull(ctx.index(), Types.TIMESTAMP);
        } else {
            ctx.statement().setObject(ctx.index(), utc(ctx.value()));
        }
    }

    @Override
    public void set(BindingSetSQLOutputContext<Instant> ctx) throws SQLException {
        if (utcDateTime(ctx.dialect())) {
            throw new SQLFeatureNotSupportedException("no user-defined types on MariaDB");
        }
        DEFAULT.set(ctx);
    }

    @Override
    public void get(BindingGetResultSetContext<Instant> ctx) throws SQLException {
        if (utcDateTime(ctx.dialect())) {
            LocalDateTime stored = ctx.resultSet().getObject(ctx.index(), LocalDateTime.class);
            ctx.value(stored == null ? null : stored.toInstant(ZoneOffset.UTC));
        } else {
            DEFAULT.get(ctx);
        }
    }

    @Override
    public void get(BindingGetStatementContext<Instant> ctx) throws SQLException {
        if (utcDateTime(ctx.dialect())) {
            LocalDateTime stored = ctx.statement().getObject(ctx.index(), LocalDateTime.class);
            ctx.value(stored == null ? null : stored.toInstant(ZoneOffset.UTC));
        } else {
            DEFAULT.get(ctx);
        }
    }

    @Override
    public void get(BindingGetSQLInputContext<Instant> ctx) throws SQLException {
        if (utcDateTime(ctx.dialect())) {
            throw new SQLFeatureNotSupportedException("no user-defined types on MariaDB");
        }
        DEFAULT.get(ctx);
    }
}
