package org.millrace.runtime.io.network;

/** What an input gate hands its task: a data buffer or an event, with the channel it came from. */
public final class BufferOrEvent {

    private final Buffer buffer;
    private final AbstractEvent event;
    private final int channelIndex;

    private BufferOrEvent(Buffer buffer, AbstractEvent event, int channelIndex) {
        this.buffer = buffer;
        this.event = event;
        this.channelIndex = channelIndex;
    }

    public static BufferOrEvent ofBuffer(Buffer buffer, int channelIndex) {
        return new BufferOrEvent(buffer, null, channelIndex);
    }

    public static BufferOrEvent ofEvent(AbstractEvent event, int channelIndex) {
        return new BufferOrEvent(null, event, channelIndex);
    }

    public boolean isBuffer() {
        return buffer != null;
    }

    /** The data buffer; the receiver must recycle it. */
    public Buffer getBuffer() {
        return buffer;
    }

    public AbstractEvent getEvent() {
        return event;
    }

    /** Index of the channel within the gate, i.e. of the producing subtask among the gate's producers. */
    public int getChannelIndex() {
        return channelIndex;
    }

    @Override
    public String toString() {
        return (isBuffer() ? buffer.toString() : event.toString()) + "@channel" + channelIndex;
    }
}
