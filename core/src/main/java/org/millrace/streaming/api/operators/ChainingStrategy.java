package org.millrace.streaming.api.operators;

/** Whether an operator may be chained to its predecessor and successors in one task. */
public enum ChainingStrategy {
    /** Chains with predecessor and successors where the edge allows it. */
    ALWAYS,
    /** Starts a new chain but successors may chain to it ({@code startNewChain()}, sources). */
    HEAD,
    /** Never chains ({@code disableChaining()}). */
    NEVER
}
