package org.millrace.client.cli;

/** The command line cannot be understood (unknown option, missing value, no JAR file); the CLI prints usage and exits 1. */
public class CliArgumentsException extends Exception {

    private static final long serialVersionUID = 1L;

    public CliArgumentsException(String message) {
        super(message);
    }
}
