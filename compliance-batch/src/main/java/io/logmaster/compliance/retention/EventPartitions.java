package io.logmaster.compliance.retention;

import java.io.IOException;
import java.util.List;

/** The PostgreSQL partitions of the {@code events} table, as retention needs them. */
public interface EventPartitions {
    /** Names of the partitions of {@code events} (daily ones and {@code events_default}). */
    List<String> list() throws IOException;

    /**
     * Drops one daily partition ({@code events_YYYYMMDD}) with its rows.
     *
     * @return true if it was dropped, false if it was already gone
     */
    boolean drop(String table) throws IOException;

    /** Where the table lives, for messages. */
    String describe();
}
