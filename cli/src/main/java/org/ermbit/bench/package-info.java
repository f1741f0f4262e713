/**
 * The benchmark harness behind {@code ermbit bench}: reads a suite's MANIFEST of instances and
 * expected answers, runs every (solver, instance) pair in its own child JVM under time and memory
 * limits, appends each result to a CSV as it arrives (so an interrupted run resumes), checks every
 * answer against the MANIFEST (wrong answers are reported loudly and counted), and writes PAR-2 /
 * solved-count tables in Markdown and a cactus plot (PNG and SVG).
 */
package org.ermbit.bench;
