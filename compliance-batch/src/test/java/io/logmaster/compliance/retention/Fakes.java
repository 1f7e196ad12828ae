package io.logmaster.compliance.retention;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** In-memory stand-ins for Elasticsearch and PostgreSQL. */
final class Fakes {
    private Fakes() {}

    static final class Indices implements SearchIndices {
        final Set<String> names = new TreeSet<>();
        final List<String> deleteCalls = new ArrayList<>();
        String failOn;

        Indices(String... names) {
            this.names.addAll(List.of(names));
        }

        @Override
        public List<String> list() {
            return List.copyOf(names);
        }

        @Override
        public boolean delete(String index) throws IOException {
            deleteCalls.add(index);
            if (index.equals(failOn)) {
                throw new IOException("HTTP 500 on " + index);
            }
            return names.remove(index);
        }

        @Override
        public String describe() {
            return "fake-es";
        }
    }

    static final class Partitions implements EventPartitions {
        final Set<String> names = new TreeSet<>();
        final List<String> dropCalls = new ArrayList<>();

        Partitions(String... names) {
            this.names.addAll(List.of(names));
        }

        @Override
        public List<String> list() {
            return List.copyOf(names);
        }

        @Override
        public boolean drop(String table) {
            dropCalls.add(table);
            return names.remove(table);
        }

        @Override
        public String describe() {
            return "fake-pg";
        }
    }
}
