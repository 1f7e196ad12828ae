package io.logmaster.flink.source;

import io.logmaster.event.RawRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes decoded raw records on and sends dead letters to the {@link #DEAD_LETTERS} side output,
 * counting them in the {@code deadLetters} metric.
 */
public final class DeadLetterSplitFunction extends ProcessFunction<IncomingRecord, RawRecord> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterSplitFunction.class);

    /** Records of {@code logmaster.raw} that could not be decoded. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    private transient Counter deadLetters;

    @Override
    public void open(OpenContext openContext) {
        deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
    }

    @Override
    public void processElement(IncomingRecord in, Context ctx, Collector<RawRecord> out) {
        if (in.raw != null) {
            out.collect(in.raw);
            return;
        }
        DeadLetter dead = in.dead;
        if (dead == null) {
            dead = new DeadLetter();
            dead.reason = "empty incoming record";
        }
        if (deadLetters != null) {
            deadLetters.inc();
        }
        LOG.debug("Dead letter from {}: {}", dead.origin(), dead.reason);
        ctx.output(DEAD_LETTERS, dead);
    }
}
