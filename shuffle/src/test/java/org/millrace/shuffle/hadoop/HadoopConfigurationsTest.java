package org.millrace.shuffle.hadoop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.configuration.Configuration;

class HadoopConfigurationsTest {

    @TempDir
    Path confDir;

    @Test
    void siteFilesFromHadoopConfDirAreReadAndFlinkHadoopKeysWinOverThem() throws IOException {
        writeSite("core-site.xml", "fs.defaultFS", "hdfs://namenode.example:8020", "dfs.replication", "2");
        writeSite("hdfs-site.xml", "dfs.blocksize", "1048576", "dfs.client.use.datanode.hostname", "true");
        Configuration conf = new Configuration();
        conf.setString("flink.hadoop.dfs.replication", "1");
        conf.setString("flink.hadoop.", "ignored: no key after the prefix");
        conf.setString("taskmanager.numberOfTaskSlots", "4");

        org.apache.hadoop.conf.Configuration hadoop =
                HadoopConfigurations.load(conf, Map.of("HADOOP_CONF_DIR", confDir.toString()));

        assertEquals("hdfs://namenode.example:8020", hadoop.get("fs.defaultFS"));
        assertEquals("1048576", hadoop.get("dfs.blocksize"));
        assertEquals("true", hadoop.get("dfs.client.use.datanode.hostname"));
        assertEquals("1", hadoop.get("dfs.replication"));
        assertNull(hadoop.get("taskmanager.numberOfTaskSlots"));
    }

    @Test
    void withoutHadoopConfDirHadoopsDefaultsApply() {
        org.apache.hadoop.conf.Configuration hadoop = HadoopConfigurations.load(new Configuration(), Map.of());

        assertEquals("file:///", hadoop.get("fs.defaultFS"));
    }

    private void writeSite(String name, String... keysAndValues) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<configuration>\n");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            xml.append("  <property><name>").append(keysAndValues[i]).append("</name><value>")
                    .append(keysAndValues[i + 1]).append("</value></property>\n");
        }
        Files.writeString(confDir.resolve(name), xml.append("</configuration>\n"));
    }
}
