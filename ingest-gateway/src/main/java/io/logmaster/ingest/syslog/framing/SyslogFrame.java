package io.logmaster.ingest.syslog.framing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * One syslog message cut out of a TCP stream: the payload without its framing (octet count or
 * trailing delimiter), and whether it was cut to the maximum frame size. Reference-counted: the
 * handler that consumes it releases it.
 */
public final class SyslogFrame extends DefaultByteBufHolder {
    private final boolean truncated;

    public SyslogFrame(ByteBuf payload, boolean truncated) {
        super(payload);
        this.truncated = truncated;
    }

    /** True when the sender's message was longer than the limit and only its start is kept. */
    public boolean truncated() {
        return truncated;
    }

    @Override
    public SyslogFrame replace(ByteBuf content) {
        return new SyslogFrame(content, truncated);
    }

    @Override
    public SyslogFrame retain() {
        super.retain();
        return this;
    }

    @Override
    public SyslogFrame retain(int increment) {
        super.retain(increment);
        return this;
    }

    @Override
    public SyslogFrame touch() {
        super.touch();
        return this;
    }

    @Override
    public SyslogFrame touch(Object hint) {
        super.touch(hint);
        return this;
    }

    @Override
    public String toString() {
        return "SyslogFrame(" + content().readableBytes() + " bytes, truncated=" + truncated + ")";
    }
}
