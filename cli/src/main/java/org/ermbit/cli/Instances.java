package org.ermbit.cli;

import java.nio.file.Path;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.model.ErmInstance;

/** Reads instance files for the commands (bad input surfaces as InputException → exit 2). */
final class Instances {
    private Instances() {
    }

    static ErmInstance read(Path file) {
        return InstanceReader.read(file);
    }
}
