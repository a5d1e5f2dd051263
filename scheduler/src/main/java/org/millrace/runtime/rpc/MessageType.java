package org.millrace.runtime.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Everything the transport needs to put one Avro record type on the wire and take it off again:
 * the schema's full name (as UTF-8 bytes), its 64-bit parsing fingerprint and a reusable datum
 * writer and reader. Built once per type and cached, so no message pays for schema parsing,
 * fingerprinting or reflection.
 *
 * <p>Writers are looked up by the record's schema ({@link #forSchema}), readers by the generated
 * class ({@link #forClass}); for a generated class both find the same schema instance.
 */
final class MessageType {

    private static final Map<Schema, MessageType> BY_SCHEMA = new ConcurrentHashMap<>();
    private static final Map<Class<?>, MessageType> BY_CLASS = new ConcurrentHashMap<>();

    private static final ThreadLocal<BinaryEncoder> ENCODER = new ThreadLocal<>();
    private static final ThreadLocal<BinaryDecoder> DECODER = new ThreadLocal<>();

    private final String fullName;
    private final String simpleName;
    private final byte[] fullNameUtf8;
    private final long fingerprint;
    private final DatumWriter<IndexedRecord> writer;
    /** Null for types only ever written (looked up by schema). */
    private final DatumReader<?> reader;

    private MessageType(Schema schema, DatumReader<?> reader) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("A control message must be an Avro record, not " + schema.getType());
        }
        this.fullName = schema.getFullName();
        this.simpleName = schema.getName();
        this.fullNameUtf8 = fullName.getBytes(StandardCharsets.UTF_8);
        if (fullNameUtf8.length > RpcFrames.MAX_TYPE_NAME_BYTES) {
            throw new IllegalArgumentException("Control message type name too long: " + fullName);
        }
        this.fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        this.writer = new SpecificDatumWriter<>(schema);
        this.reader = reader;
    }

    /** The type of records with this schema, for writing them. */
    static MessageType forSchema(Schema schema) {
        return BY_SCHEMA.computeIfAbsent(schema, s -> new MessageType(s, null));
    }

    /**
     * The type of a generated Avro record class, able to read it.
     *
     * @throws IllegalArgumentException if the class is not a generated Avro record
     */
    static MessageType forClass(Class<? extends SpecificRecord> recordClass) {
        return BY_CLASS.computeIfAbsent(recordClass, c -> {
            Schema schema;
            try {
                schema = SpecificData.get().getSchema(c);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(c.getName() + " is not a generated Avro record class", e);
            }
            return new MessageType(schema, new SpecificDatumReader<>(recordClass));
        });
    }

    String fullName() {
        return fullName;
    }

    /** The schema's name without namespace, for messages a user reads. */
    String simpleName() {
        return simpleName;
    }

    byte[] fullNameUtf8() {
        return fullNameUtf8;
    }

    long fingerprint() {
        return fingerprint;
    }

    /** Appends the record's Avro binary encoding to {@code out}. */
    void write(IndexedRecord record, ByteBuf out) throws IOException {
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(new ByteBufOutputStream(out), ENCODER.get());
        ENCODER.set(encoder);
        writer.write(record, encoder);
        encoder.flush();
    }

    /** Decodes a record from the readable bytes of {@code in} (which must all belong to it). */
    @SuppressWarnings("unchecked")
    <T> T read(ByteBuf in) throws IOException {
        if (reader == null) {
            throw new IllegalStateException("no reader for " + fullName);
        }
        BinaryDecoder decoder = DecoderFactory.get().directBinaryDecoder(new ByteBufInputStream(in), DECODER.get());
        DECODER.set(decoder);
        return ((DatumReader<T>) reader).read(null, decoder);
    }

    /** The error a peer reports when a message's fingerprint is not the one this process was built with. */
    String incompatibleMessage(long otherFingerprint) {
        return "incompatible control message " + fullName + ": schema fingerprint " + hex(otherFingerprint)
                + ", expected " + hex(fingerprint)
                + " — are JobManager and TaskManager the same Millrace version?";
    }

    private static String hex(long fingerprint) {
        return String.format("%016x", fingerprint);
    }
}
