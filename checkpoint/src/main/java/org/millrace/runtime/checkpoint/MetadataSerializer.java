package org.millrace.runtime.checkpoint;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.millrace.api.common.JobID;
import org.apache.avro.Schema;
import org.millrace.runtime.checkpoint.metadata.CheckpointMetadataRecord;
import org.millrace.runtime.checkpoint.metadata.IncrementalKeyedStateRecord;
import org.millrace.runtime.checkpoint.metadata.OperatorStateRecord;
import org.millrace.runtime.checkpoint.metadata.StateFileRecord;
import org.millrace.runtime.checkpoint.metadata.SubtaskStateRecord;
import org.millrace.runtime.state.IncrementalKeyedStateHandle;
import org.millrace.runtime.state.KeyGroupRange;
import org.millrace.runtime.state.filesystem.FileStateHandle;

/**
 * The {@code _metadata} format: {@code [int magic "MRCK"][int format version][Avro binary record]},
 * written as a checksummed state file (so it carries the usual trailer). The current version (2) is
 * the Avro schema {@code CheckpointMetadataRecord} of {@code src/main/avro/checkpoint-metadata.avsc};
 * it added incremental keyed state. Older versions are read with their own schema, kept as a
 * resource ({@code checkpoint-metadata-v1.avsc}), resolved against the current one (savepoints
 * outlive releases).
 */
public final class MetadataSerializer {

    /** "MRCK": Millrace checkpoint metadata. */
    static final int MAGIC = 0x4D52434B;
    public static final int CURRENT_VERSION = 2;
    private static final Schema VERSION_1_SCHEMA = loadSchema("checkpoint-metadata-v1.avsc", "CheckpointMetadataRecord");

    private MetadataSerializer() {}

    public static void write(CheckpointMetadata metadata, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(CURRENT_VERSION);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<>(CheckpointMetadataRecord.class).write(toRecord(metadata), encoder);
        encoder.flush();
        out.flush();
    }

    /** @throws IOException naming the version if the file is of a format this release cannot read */
    public static CheckpointMetadata read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new IOException("Not a Millrace checkpoint metadata file (magic " + Integer.toHexString(magic) + ")");
        }
        int version = in.readInt();
        SpecificDatumReader<CheckpointMetadataRecord> reader;
        if (version == CURRENT_VERSION) {
            reader = new SpecificDatumReader<>(CheckpointMetadataRecord.class);
        } else if (version == 1) {
            reader = new SpecificDatumReader<>(VERSION_1_SCHEMA, CheckpointMetadataRecord.getClassSchema());
        } else {
            throw new IOException("Checkpoint metadata format version " + version + " is not supported by this"
                    + " release (it reads versions 1 to " + CURRENT_VERSION + ")");
        }
        BinaryDecoder decoder = DecoderFactory.get().directBinaryDecoder(in, null);
        return fromRecord(reader.read(null, decoder));
    }

    private static Schema loadSchema(String resource, String recordName) {
        try (InputStream in = MetadataSerializer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource + " next to " + MetadataSerializer.class);
            }
            Schema union = new Schema.Parser().parse(in);
            return union.getTypes().stream().filter(t -> t.getName().equals(recordName)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(resource + " has no record " + recordName));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not read " + resource, e);
        }
    }

    private static CheckpointMetadataRecord toRecord(CheckpointMetadata m) {
        List<OperatorStateRecord> operators = new ArrayList<>();
        for (OperatorState o : m.operators()) {
            List<SubtaskStateRecord> subtasks = new ArrayList<>();
            for (SubtaskState s : o.subtasks()) {
                subtasks.add(SubtaskStateRecord.newBuilder()
                        .setSubtaskIndex(s.subtaskIndex())
                        .setKeyGroupStart(s.keyGroups() == null ? -1 : s.keyGroups().startKeyGroup())
                        .setKeyGroupEnd(s.keyGroups() == null ? -1 : s.keyGroups().endKeyGroup())
                        .setKeyedState(files(s.keyedState()))
                        .setOperatorState(files(s.operatorState()))
                        .setIncrementalKeyedState(s.incrementalKeyedState() == null ? null
                                : IncrementalKeyedStateRecord.newBuilder()
                                        .setPrivateFiles(files(s.incrementalKeyedState().privateFiles()))
                                        .setSharedFiles(files(s.incrementalKeyedState().sharedFiles())).build())
                        .build());
            }
            operators.add(OperatorStateRecord.newBuilder().setOperatorId(o.operatorId()).setParallelism(o.parallelism())
                    .setMaxParallelism(o.maxParallelism()).setSubtasks(subtasks).build());
        }
        return CheckpointMetadataRecord.newBuilder().setJobId(m.jobId().toString()).setCheckpointId(m.checkpointId())
                .setTimestamp(m.timestamp()).setSavepoint(m.savepoint()).setOperators(operators).build();
    }

    private static List<StateFileRecord> files(List<FileStateHandle> handles) {
        return handles.stream().map(h -> StateFileRecord.newBuilder().setPath(h.relativePath()).setLength(h.length())
                .setCrc32c(h.crc32c()).build()).toList();
    }

    private static CheckpointMetadata fromRecord(CheckpointMetadataRecord r) {
        List<OperatorState> operators = new ArrayList<>();
        for (OperatorStateRecord o : r.getOperators()) {
            List<SubtaskState> subtasks = new ArrayList<>();
            for (SubtaskStateRecord s : o.getSubtasks()) {
                KeyGroupRange keyGroups = s.getKeyGroupStart() < 0 ? null
                        : new KeyGroupRange(s.getKeyGroupStart(), s.getKeyGroupEnd());
                IncrementalKeyedStateRecord incremental = s.getIncrementalKeyedState();
                subtasks.add(new SubtaskState(s.getSubtaskIndex(), keyGroups, handles(s.getKeyedState()),
                        handles(s.getOperatorState()), incremental == null ? null : new IncrementalKeyedStateHandle(
                                keyGroups, handles(incremental.getPrivateFiles()), handles(incremental.getSharedFiles()))));
            }
            operators.add(new OperatorState(o.getOperatorId(), o.getParallelism(), o.getMaxParallelism(), subtasks));
        }
        return new CheckpointMetadata(JobID.fromHexString(r.getJobId()), r.getCheckpointId(), r.getTimestamp(),
                r.getSavepoint(), operators);
    }

    private static List<FileStateHandle> handles(List<StateFileRecord> records) {
        return records.stream().map(f -> new FileStateHandle(f.getPath(), f.getLength(), f.getCrc32c())).toList();
    }
}
