package io.fieldsales.platform.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * A loopback TCP relay in front of a server, which tests switch off (every connection dropped, new ones refused)
 * and on again to play an outage of that server without killing it: the server keeps its state and its port,
 * and clients reconnect to the same address as they would after a real outage.
 */
public final class TcpProxy implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TcpProxy.class);

    private volatile int targetPort;
    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tcp-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean up = new AtomicBoolean(true);
    private volatile boolean closed;

    private TcpProxy(int targetPort, ServerSocket listener) {
        this.targetPort = targetPort;
        this.listener = listener;
    }

    /**
     * Opens a relay on a free loopback port. Connections are refused until {@link #forwardTo(int)} names the
     * target, so the relay's port can be handed out (e.g. as a broker's advertised address) before the target runs.
     */
    public static TcpProxy open() throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        TcpProxy proxy = new TcpProxy(0, listener);
        proxy.threads.execute(proxy::acceptLoop);
        return proxy;
    }

    /** Sets the loopback port to relay to. */
    public TcpProxy forwardTo(int port) {
        this.targetPort = port;
        return this;
    }

    /** The loopback port clients connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Drops every connection and refuses new ones until {@link #restore()}. */
    public void cutOff() {
        up.set(false);
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
        LOG.infof("TCP proxy :%d -> :%d cut off", port(), targetPort);
    }

    /** Accepts connections again. */
    public void restore() {
        up.set(true);
        LOG.infof("TCP proxy :%d -> :%d restored", port(), targetPort);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (!up.get() || targetPort == 0) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                threads.execute(() -> pump(client, server));
                threads.execute(() -> pump(server, client));
            } catch (IOException e) {
                if (!closed) {
                    LOG.debugf("TCP proxy accept failed: %s", e.getMessage());
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (SocketException ignored) {
            // the other side or cutOff() closed the connection
        } catch (IOException e) {
            LOG.debugf("TCP proxy pump ended: %s", e.getMessage());
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        cutOff();
        listener.close();
        threads.shutdownNow();
    }
}
