package io.kubedl.persist.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells within a few hundred milliseconds whether a Docker engine can be reached,
 * without loading any Testcontainers class (whose own discovery takes seconds to
 * give up when there is no engine).
 */
final class DockerEngineProbe {
    private static final int TIMEOUT_MS = 500;

    private DockerEngineProbe() {
    }

    /** @return null when an engine answers a connect, else why not */
    static String whyUnreachable(String dockerHost) {
        if (dockerHost != null && !dockerHost.isBlank()) {
            URI uri = URI.create(dockerHost.trim());
            if ("unix".equals(uri.getScheme())) {
                return unixSocket(Path.of(uri.getPath()));
            }
            if ("tcp".equals(uri.getScheme()) || "http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort()), TIMEOUT_MS);
                    return null;
                } catch (IOException e) {
                    return "DOCKER_HOST " + dockerHost + " refused a connection (" + e.getMessage() + ")";
                }
            }
            return "DOCKER_HOST " + dockerHost + " has a scheme the probe does not know";
        }
        return unixSocket(Path.of("/var/run/docker.sock"));
    }

    private static String unixSocket(Path socket) {
        if (!Files.exists(socket)) {
            return socket + " does not exist";
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return null;
        } catch (IOException e) {
            return socket + " refused a connection (" + e.getMessage() + ")";
        }
    }
}
