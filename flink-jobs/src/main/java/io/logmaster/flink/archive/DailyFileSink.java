package io.logmaster.flink.archive;

import io.logmaster.event.RawRecord;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

import java.net.URI;
import java.time.ZoneId;

/**
 * The daily files, the legal originals: one line per raw record under {@code
 * <root>/YYYY-MM-DD/<peer>/part-<uuid>-<n>.jsonl}. Part files roll and are committed on each
 * checkpoint, so every record is in exactly one finished file.
 */
public final class DailyFileSink {
    private DailyFileSink() {}

    /** A sink writing below {@code root} (a file system URI), days cut in {@code zone}. */
    public static FileSink<RawRecord> create(URI root, ZoneId zone) {
        return FileSink.forRowFormat(new Path(root), new DailyFileEncoder())
                .withBucketAssigner(new DailyBucketAssigner(zone))
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(
                        OutputFileConfig.builder()
                                .withPartPrefix("part")
                                .withPartSuffix(".jsonl")
                                .build())
                .build();
    }
}
