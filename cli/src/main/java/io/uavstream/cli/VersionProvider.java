package io.uavstream.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, which Maven writes at package time. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = UavstreamCli.class.getPackage().getImplementationVersion();
        return new String[] {"uavstream " + (version == null ? "(development build)" : version)};
    }
}
