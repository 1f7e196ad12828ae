package io.logmaster.flink.archive;

import io.logmaster.event.DailyFileLine;
import io.logmaster.event.RawRecord;
import org.apache.flink.api.common.serialization.Encoder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes one raw record as one UTF-8 line of a daily file ({@link DailyFileLine} plus LF). */
public final class DailyFileEncoder implements Encoder<RawRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(RawRecord record, OutputStream out) throws IOException {
        out.write((DailyFileLine.write(record) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
