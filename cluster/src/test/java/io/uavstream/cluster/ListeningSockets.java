package io.uavstream.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets that one process listens on, read from Linux's {@code /proc}: the socket inodes
 * among the process's file descriptors, matched against the LISTEN entries of
 * {@code /proc/PID/net/tcp} and {@code tcp6}.
 */
final class ListeningSockets {

    private static final String LISTEN_STATE = "0A";

    /** One listening socket: the local address in {@code /proc}'s hex form decoded, and the port. */
    record Listener(String address, int port) {
        boolean isLoopback() {
            return address.startsWith("127.") || address.equals("::1") || address.startsWith("::ffff:127.");
        }

        @Override
        public String toString() {
            return address + ":" + port;
        }
    }

    private ListeningSockets() {}

    static boolean supported() {
        return Files.isDirectory(Path.of("/proc/self/fd")) && Files.isRegularFile(Path.of("/proc/self/net/tcp"));
    }

    static List<Listener> of(long pid) {
        Set<String> inodes = socketInodes(pid);
        List<Listener> listeners = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            for (String line : lines(Path.of("/proc", Long.toString(pid), "net", table))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && fields[3].equals(LISTEN_STATE) && inodes.contains(fields[9])) {
                    listeners.add(decode(fields[1]));
                }
            }
        }
        return listeners;
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path descriptor : descriptors.toList()) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // The descriptor closed while listing: it is no listener of interest.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the file descriptors of pid " + pid, e);
        }
        return inodes;
    }

    private static List<String> lines(Path table) {
        try {
            return Files.readAllLines(table);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + table, e);
        }
    }

    /** Decodes {@code 0100007F:1F90} (IPv4, little-endian words) or its 32-digit IPv6 form. */
    private static Listener decode(String field) {
        String[] parts = field.split(":");
        String hex = parts[0];
        int port = Integer.parseInt(parts[1], 16);
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int offset = word * 8 + (3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(offset, offset + 2), 16);
            }
        }
        try {
            String address = java.net.InetAddress.getByAddress(bytes).getHostAddress();
            return new Listener(normalize(address), port);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("Bad address in /proc: " + field, e);
        }
    }

    private static String normalize(String address) {
        return switch (address) {
            case "0:0:0:0:0:0:0:1" -> "::1";
            case "0:0:0:0:0:0:0:0" -> "::";
            default -> address;
        };
    }
}
