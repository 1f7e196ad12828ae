package io.logmaster.flink.source;

import io.logmaster.event.RawRecord;
import io.logmaster.event.RawRecordHeaders;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterSplitFunctionTest {
    @Test
    @SuppressWarnings("try") // the harness's close() may throw InterruptedException
    void sendsDeadLettersToSideOutputAndRawRecordsOn() throws Exception {
        RecordHeaders bad = RawRecordDecoderTest.fullHeaders();
        bad.remove(RawRecordHeaders.RECEIVED);
        try (OneInputStreamOperatorTestHarness<IncomingRecord, RawRecord> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new DeadLetterSplitFunction())) {
            harness.processElement(
                    RawRecordDecoderTest.decode(
                            RawRecordDecoderTest.PAYLOAD, RawRecordDecoderTest.fullHeaders()),
                    1);
            harness.processElement(
                    RawRecordDecoderTest.decode(RawRecordDecoderTest.PAYLOAD, bad), 2);

            List<RawRecord> main = harness.extractOutputValues();
            assertThat(main).hasSize(1);
            assertThat(main.get(0).peerAddress).isEqualTo("10.1.2.3");
            ConcurrentLinkedQueue<StreamRecord<DeadLetter>> dead =
                    harness.getSideOutput(DeadLetterSplitFunction.DEAD_LETTERS);
            assertThat(dead).hasSize(1);
            assertThat(dead.peek().getValue().reason).isEqualTo("missing header lm.received");
        }
    }
}
