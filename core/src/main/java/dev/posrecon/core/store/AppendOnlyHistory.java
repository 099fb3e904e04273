package dev.posrecon.core.store;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The H2 trigger of schema 5 ({@code V5__case_history_append_only.sql}): refuses every UPDATE and DELETE of a case
 * history row. H2 ledgers name this class in their schema, so it keeps its name and package.
 */
public final class AppendOnlyHistory implements Trigger {
    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("case history is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " on case_events refused", "42501");
    }
}
