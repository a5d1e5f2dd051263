package org.millrace.client.cli;

import java.io.PrintStream;

/** The help texts of {@code flink --help} and {@code flink run --help}, and the one-line hint shown after a usage error. */
public final class CliUsage {

    /** Printed after every usage error. */
    public static final String HINT = "Use the help option (-h or --help) to get help on the command.";

    private static final String RUN_SYNTAX = """
            Action "run" compiles and runs a program.

              Syntax: run [OPTIONS] <jar-file> <arguments>
              "run" action options:
                 -c,--class <classname>           Class with the program entry point ("main()"
                                                  method). Only needed if the JAR file does not
                                                  name it in its manifest (Main-Class or
                                                  program-class).
                 -p,--parallelism <parallelism>   The parallelism with which to run the program;
                                                  overrides parallelism.default of the
                                                  configuration.
                 -d,--detached                    Run the job in detached mode (needs a cluster
                                                  target; the embedded local cluster always runs
                                                  attached).
                 -D <property=value>              Set a configuration value, e.g.
                                                  -D parallelism.default=4. Wins over
                                                  flink-conf.yaml.
                 -h,--help                        Show this help message.
            """;

    private CliUsage() {}

    /** The help of all actions ({@code flink --help}). */
    public static void printGeneralHelp(PrintStream out) {
        out.println("./flink <ACTION> [OPTIONS] [ARGUMENTS]");
        out.println();
        out.println("The following actions are available:");
        out.println();
        out.print(RUN_SYNTAX);
        out.println();
        out.println("Jobs run on an embedded local cluster in the client JVM. The configuration is read from");
        out.println("flink-conf.yaml in FLINK_CONF_DIR (or MILLRACE_CONF_DIR, or <MILLRACE_HOME>/conf).");
    }

    /** The help of the run action ({@code flink run --help}). */
    public static void printRunHelp(PrintStream out) {
        out.println("./flink run [OPTIONS] <jar-file> <arguments>");
        out.println();
        out.print(RUN_SYNTAX);
    }
}
