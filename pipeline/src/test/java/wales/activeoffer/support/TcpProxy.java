package wales.activeoffer.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP pass-through to a real server (PostgreSQL) that a test can cut: while it is open, connections through it
 * reach the server; once closed, every connection through it is dropped and new ones are refused, as when the
 * database goes away.
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    private TcpProxy(ServerSocket listener, String host, int port) {
        this.listener = listener;
        Thread acceptor = new Thread(() -> accept(host, port), "tcp-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on a free local port and passes every connection on to {@code host:port}. */
    public static TcpProxy to(String host, int port) throws IOException {
        return new TcpProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), host, port);
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void accept(String host, int port) {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(host, port);
                sockets.add(client);
                sockets.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException dropped) {
                // the other side went away, or the proxy was cut
            }
        }, "tcp-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Cuts the database off until {@link #restore()}: drops every connection, and closes each new one as soon as it is
     * made, as a database behind a broken network does.
     */
    public void cut() throws IOException {
        cut = true;
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    /** Lets connections through again after {@link #cut()}. */
    public void restore() {
        cut = false;
    }

    /** Cuts the database off for good: drops every connection and refuses new ones. */
    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
