package io.kubedl.persist.cli;

import picocli.CommandLine;

/** {@code --version}: the version in the runnable jar's manifest. */
final class CliVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = KubedlPersistCli.class.getPackage().getImplementationVersion();
        return new String[] {"kubedl-persist " + (version == null ? "(development build)" : version)};
    }
}
