package org.ermbit.cli;

import picocli.CommandLine;

/** Reports the ermbit version from the jar manifest (or "dev" when run from classes). */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"ermbit " + (v == null ? "dev" : v), "Java " + System.getProperty("java.version")};
    }
}
