package io.logmaster.api.search;

/** Runs an event search against the event store. */
interface EventSearcher {

    /**
     * @throws io.logmaster.api.error.ServiceUnavailableException when the store cannot answer
     */
    SearchPage search(EventSearchRequest request);
}
