package org.millrace.shuffle.blocking;

import org.millrace.shuffle.partition.ResultPartitionID;

/**
 * Names the files of a blocking partition, so writer and readers (in this process or another) agree:
 *
 * <pre>
 *  &lt;parent&gt;/&lt;partition id&gt;/0.data ... (n-1).data   one spill file per subpartition
 *  &lt;parent&gt;/&lt;partition id&gt;/_index                 written last: the partition is finished
 * </pre>
 */
final class PartitionLayout {

    static final String INDEX_FILE_NAME = "_index";

    private PartitionLayout() {}

    /** The directory of partition {@code id} below {@code parent}. */
    static String partitionDirectory(String parent, ResultPartitionID id) {
        return parent + "/" + safeName(id.toString());
    }

    static String dataFile(String partitionDirectory, int subpartitionIndex) {
        return partitionDirectory + "/" + subpartitionIndex + ".data";
    }

    static String indexFile(String partitionDirectory) {
        return partitionDirectory + "/" + INDEX_FILE_NAME;
    }

    /** A file name from any text: letters, digits and {@code . _ - @} kept, anything else replaced by {@code _}. */
    static String safeName(String raw) {
        StringBuilder name = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-' || c == '@';
            name.append(safe ? c : '_');
        }
        return name.toString();
    }
}
