/**
 * Retention for Law 5651 (keep two years by default, then delete, every deletion recorded): the
 * {@code retention} command deletes expired sealed days, live daily files, Elasticsearch daily
 * indices and PostgreSQL daily partitions, writing each deletion ahead of time to a hash-chained
 * journal ({@link io.logmaster.compliance.retention.RetentionJournal}).
 */
package io.logmaster.compliance.retention;
