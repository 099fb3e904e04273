package dev.posrecon.core.ingest.settlement;

/** A column a profile maps: a canonical settlement column, or a terminal record field. */
interface Column {
    /** The column name as written in profiles: {@code merchant_id}. */
    String key();

    /** Whether several source columns may be added up into it ({@code a + b}). */
    default boolean summable() {
        return false;
    }
}
