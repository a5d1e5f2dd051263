package org.millrace.client.cli;

import java.io.PrintStream;

/** The help texts of {@code flink --help} and {@code flink <action> --help}, and the one-line hint shown after a usage error. */
public final class CliUsage {

    /** Printed after every usage error. */
    public static final String HINT = "Use the help option (-h or --help) to get help on the command.";

    private static final String TARGET_OPTIONS = """
                 -m,--jobmanager <arg>            Address (host:port) of the JobManager's REST
                                                  endpoint to connect to; sets execution.target
                                                  to remote. Overrides rest.address and
                                                  rest.port of the configuration.
                 -t,--target <arg>                The deployment target (execution.target):
                                                  "local" (embedded cluster in this JVM) or
                                                  "remote" (a session cluster at rest.address).
                 -D <property=value>              Set a configuration value, e.g.
                                                  -D parallelism.default=4. Wins over
                                                  flink-conf.yaml.
                 -h,--help                        Show this help message.
            """;

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
                 -d,--detached                    Run the job in detached mode: return once the
                                                  cluster has accepted it (needs a cluster
                                                  target; the embedded local cluster always runs
                                                  attached).
                 -s,--fromSavepoint <savepointPath>
                                                  Path to a savepoint (or retained checkpoint) to
                                                  restore the job from (e.g.
                                                  hdfs:///flink/savepoint-1537).
                 -n,--allowNonRestoredState       Allow to skip savepoint state that cannot be
                                                  restored: state of operators the program no
                                                  longer has.
            """ + TARGET_OPTIONS;

    private static final String LIST_SYNTAX = """
            Action "list" lists running and scheduled programs.

              Syntax: list [OPTIONS]
              "list" action options:
                 -r,--running                     Show only running programs and their JobIDs.
                 -s,--scheduled                   Show only scheduled programs and their JobIDs.
                 -a,--all                         Show all programs, ended ones too, and their
                                                  JobIDs.
            """ + TARGET_OPTIONS;

    private static final String INFO_SYNTAX = """
            Action "info" shows the optimized execution plan of the program (JSON).

              Syntax: info [OPTIONS] <jar-file> <arguments>
              "info" action options:
                 -c,--class <classname>           Class with the program entry point ("main()"
                                                  method). Only needed if the JAR file does not
                                                  name it in its manifest.
                 -p,--parallelism <parallelism>   The parallelism with which to run the program;
                                                  overrides parallelism.default of the
                                                  configuration.
            """;

    private static final String CANCEL_SYNTAX = """
            Action "cancel" cancels a running program.

              Syntax: cancel [OPTIONS] <Job ID>
              "cancel" action options:
            """ + TARGET_OPTIONS;

    private static final String SAVEPOINT_SYNTAX = """
            Action "savepoint" triggers savepoints for a running job or disposes existing ones.

              Syntax: savepoint [OPTIONS] <Job ID> [<target directory>]
              "savepoint" action options:
                 -d,--dispose <arg>               Path of the savepoint to dispose.
            """ + TARGET_OPTIONS;

    private static final String STOP_SYNTAX = """
            Action "stop" stops a running program with a savepoint.

              Syntax: stop [OPTIONS] <Job ID>
              "stop" action options:
                 -p,--savepointPath <savepointPath>
                                                  Path to the savepoint (for example
                                                  hdfs:///flink/savepoint-1537). If no directory
                                                  is given, state.savepoints.dir is used.
                 -d,--drain                       End event time (MAX_WATERMARK) before taking the
                                                  savepoint: windows fire and the job finishes.
            """ + TARGET_OPTIONS;

    private CliUsage() {}

    /** The help of all actions ({@code flink --help}). */
    public static void printGeneralHelp(PrintStream out) {
        out.println("./flink <ACTION> [OPTIONS] [ARGUMENTS]");
        out.println();
        out.println("The following actions are available:");
        out.println();
        out.print(RUN_SYNTAX);
        out.println();
        out.println("Action \"run-application\" runs a program in an application cluster: the cluster's JobManager");
        out.println("calls main(). Syntax: run-application -t yarn-application [OPTIONS of run] <jar-file> <arguments>");
        out.println();
        out.print(INFO_SYNTAX);
        out.println();
        out.print(LIST_SYNTAX);
        out.println();
        out.print(CANCEL_SYNTAX);
        out.println();
        out.print(STOP_SYNTAX);
        out.println();
        out.print(SAVEPOINT_SYNTAX);
        out.println();
        out.println("Without -m or -t (and without execution.target in the configuration) \"run\" runs jobs on an");
        out.println("embedded local cluster in the client JVM; \"list\" and \"cancel\" talk to the cluster at");
        out.println("rest.address:rest.port (default localhost:8081). The configuration is read from");
        out.println("flink-conf.yaml in FLINK_CONF_DIR (or MILLRACE_CONF_DIR, or <MILLRACE_HOME>/conf).");
    }

    /** The help of the run action ({@code flink run --help}). */
    public static void printRunHelp(PrintStream out) {
        out.println("./flink run [OPTIONS] <jar-file> <arguments>");
        out.println();
        out.print(RUN_SYNTAX);
    }

    /** The help of the info action ({@code flink info --help}). */
    public static void printInfoHelp(PrintStream out) {
        out.println("./flink info [OPTIONS] <jar-file> <arguments>");
        out.println();
        out.print(INFO_SYNTAX);
    }

    /** The help of the list action ({@code flink list --help}). */
    public static void printListHelp(PrintStream out) {
        out.println("./flink list [OPTIONS]");
        out.println();
        out.print(LIST_SYNTAX);
    }

    /** The help of the cancel action ({@code flink cancel --help}). */
    public static void printCancelHelp(PrintStream out) {
        out.println("./flink cancel [OPTIONS] <Job ID>");
        out.println();
        out.print(CANCEL_SYNTAX);
    }

    /** The help of the savepoint action ({@code flink savepoint --help}). */
    public static void printSavepointHelp(PrintStream out) {
        out.println("./flink savepoint [OPTIONS] <Job ID> [<target directory>]");
        out.println();
        out.print(SAVEPOINT_SYNTAX);
    }

    /** The help of the stop action ({@code flink stop --help}). */
    public static void printStopHelp(PrintStream out) {
        out.println("./flink stop [OPTIONS] <Job ID>");
        out.println();
        out.print(STOP_SYNTAX);
    }
}
