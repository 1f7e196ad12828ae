package io.logmaster.api.elastic;

/** Names of the Elasticsearch event indices and their template (docs/adr/0001). */
public final class EventIndices {

    /** Daily indices are {@code logmaster-events-YYYY.MM.DD}; searches use this pattern. */
    public static final String PATTERN = "logmaster-events-*";

    /** Name of the composable index template that maps {@link #PATTERN}. */
    public static final String TEMPLATE = "logmaster-events";

    /** Classpath resource holding the template body. */
    static final String TEMPLATE_RESOURCE = "elastic/logmaster-events-template.json";

    private EventIndices() {}
}
