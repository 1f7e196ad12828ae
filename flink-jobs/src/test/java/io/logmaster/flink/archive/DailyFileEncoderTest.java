package io.logmaster.flink.archive;

import io.logmaster.event.DailyFileLine;
import io.logmaster.event.RawRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DailyFileEncoderTest {
    @Test
    void writesOneLinePerRecordEvenWithEmbeddedNewlines() throws Exception {
        RawRecord record =
                new RawRecord(
                        "id-1",
                        1_796_292_930_456_789_012L,
                        "10.1.2.3",
                        514,
                        "tcp",
                        6514,
                        "gw1",
                        false,
                        "line one\n{\"id\":\"forged\"}".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new DailyFileEncoder().encode(record, out);
        new DailyFileEncoder().encode(record, out);

        String text = out.toString(StandardCharsets.UTF_8);
        String line = DailyFileLine.write(record);
        assertThat(text).isEqualTo(line + "\n" + line + "\n");
        assertThat(text.split("\n", -1)).hasSize(3);
        assertThat(line).contains("\"raw\":\"line one\\n{\\\"id\\\":\\\"forged\\\"}\"");
    }
}
