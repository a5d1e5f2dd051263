/**
 * The consuming side: input gates (one per upstream vertex, or a union of several) made of one
 * input channel per producing subtask.
 */
package org.millrace.shuffle.gate;
