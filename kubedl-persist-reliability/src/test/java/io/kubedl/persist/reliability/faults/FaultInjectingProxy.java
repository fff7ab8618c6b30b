package io.kubedl.persist.reliability.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy between the provider and a real server that breaks the MySQL
 * conversation at a chosen point, as a flaky network or a crashing server would
 * (Quartz's flaky-JDBC test, at the wire instead of in a wrapped driver):
 * <ul>
 *   <li>{@link Point#CONNECT}: new connections are cut at once and existing ones are
 *       closed, so the pool cannot get a working connection;</li>
 *   <li>{@link Point#BEFORE_COMMIT}: the client packet that holds the trigger word
 *       (e.g. {@code INSERT}) is never forwarded and the connection is cut: the
 *       server never saw the write;</li>
 *   <li>{@link Point#AFTER_COMMIT}: the packet is forwarded, the server runs and
 *       commits it, and its answer is swallowed and the connection cut: the write
 *       happened but the client sees an error (an ambiguous commit).</li>
 * </ul>
 * A fault is armed for one occurrence; {@link #fired()} tells whether it happened.
 * The proxy reads the plain protocol, so the provider MUST connect with
 * {@code sslMode=DISABLED} through it.
 */
public final class FaultInjectingProxy implements AutoCloseable {

    /** Where the conversation is broken. */
    public enum Point { CONNECT, BEFORE_COMMIT, AFTER_COMMIT }

    private record Armed(Point point, String trigger) {
    }

    private final String upstreamHost;
    private final int upstreamPort;
    private final ServerSocket listener;
    private final Thread acceptor;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Armed> armed = new AtomicReference<>();
    private final AtomicInteger fired = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean refusing;
    private volatile boolean closed;

    /**
     * @param upstreamHost the real server's host
     * @param upstreamPort the real server's port
     * @throws IOException when no local port can be bound
     */
    public FaultInjectingProxy(String upstreamHost, int upstreamPort) throws IOException {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the host the provider connects to */
    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    /** @return the port the provider connects to */
    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Arms one fault at a point of the next client packet holding the trigger word.
     *
     * @param point where to break the conversation; CONNECT takes effect at once
     * @param trigger a word of the SQL text, case-insensitive (ignored for CONNECT)
     */
    public void arm(Point point, String trigger) {
        if (point == Point.CONNECT) {
            refusing = true;
            fired.incrementAndGet();
            links.forEach(Link::cut);
            return;
        }
        armed.set(new Armed(point, trigger.toLowerCase(Locale.ROOT)));
    }

    /** Lets connections through again and disarms a fault that did not fire. */
    public void heal() {
        refusing = false;
        armed.set(null);
    }

    /** @return how many faults fired since the proxy started */
    public int fired() {
        return fired.get();
    }

    /** @return how many client connections the proxy accepted */
    public int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                connections.incrementAndGet();
                if (refusing) {
                    client.close();
                    continue;
                }
                Socket server = new Socket();
                server.connect(new InetSocketAddress(upstreamHost, upstreamPort), 5000);
                Link link = new Link(client, server);
                links.add(link);
                link.start();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        links.forEach(Link::cut);
    }

    /** One proxied connection: two pumps, cut together. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        private volatile boolean swallowAnswer;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            Thread up = new Thread(this::clientToServer, "fault-proxy-up");
            Thread down = new Thread(this::serverToClient, "fault-proxy-down");
            up.setDaemon(true);
            down.setDaemon(true);
            up.start();
            down.start();
        }

        private void clientToServer() {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    Armed a = armed.get();
                    // the MySQL client sends the SQL text in clear in COM_QUERY packets
                    if (a != null && contains(buffer, n, a.trigger()) && armed.compareAndSet(a, null)) {
                        fired.incrementAndGet();
                        if (a.point() == Point.BEFORE_COMMIT) {
                            cut();
                            return;
                        }
                        swallowAnswer = true;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side went away; cut both
            }
            cut();
        }

        private void serverToClient() {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (swallowAnswer) {
                        // the server answered, so it has executed (and, in autocommit, committed) the write
                        cut();
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side went away; cut both
            }
            cut();
        }

        void cut() {
            links.remove(this);
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private static boolean contains(byte[] buffer, int length, String word) {
        String text = new String(buffer, 0, length, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return text.contains(word);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
