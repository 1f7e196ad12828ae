package io.logmaster.compliance.retention;

import java.io.IOException;
import java.util.List;

/** The Elasticsearch daily event indices, as retention needs them. */
public interface SearchIndices {
    /** Names of the indices matching {@code logmaster-events-*}. */
    List<String> list() throws IOException;

    /**
     * Deletes one index by its exact name.
     *
     * @return true if it was deleted, false if it was already gone
     */
    boolean delete(String index) throws IOException;

    /** Where the indices live, for messages. */
    String describe();
}
