package org.ermbit.bench;

import java.nio.file.Path;

/** Runs one task and reports what happened ({@link ChildRunner} runs it in a child JVM). */
@FunctionalInterface
public interface TaskRunner {
    ChildRunner.Outcome run(Task task, Path instanceFile);
}
