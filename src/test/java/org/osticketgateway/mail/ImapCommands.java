package org.osticketgateway.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback relay in front of an IMAP server that counts the commands its clients send, by name
 * ({@code FETCH}, {@code UID MOVE}, …): what a mail costs in round trips, seen on the wire.
 */
final class ImapCommands implements AutoCloseable {

    private final ServerSocket listener;
    private final int serverPort;
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    private ImapCommands(int serverPort) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.serverPort = serverPort;
        daemon(this::accept);
    }

    static ImapCommands relayTo(int serverPort) throws IOException {
        return new ImapCommands(serverPort);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many commands of this name the clients sent. */
    int count(String command) {
        return counts.getOrDefault(command, 0);
    }

    Map<String, Integer> all() {
        return Map.copyOf(counts);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                daemon(() -> relay(server, client, false));
                daemon(() -> relay(client, server, true));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "imap-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private void relay(Socket from, Socket to, boolean count) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
                for (int i = 0; count && i < n; i++) {
                    if (buffer[i] == '\n') {
                        note(line.toString());
                        line.reset();
                    } else if (line.size() < 200) {
                        line.write(buffer[i]);
                    }
                }
            }
        } catch (IOException e) {
            // The connection is over.
        }
    }

    /** A command line is "tag NAME args" (tags are letters and a number); "UID" takes the next word too. */
    private void note(String line) {
        String[] words = line.trim().split(" ");
        if (words.length >= 2 && words[0].matches("[A-Z]+\\d+")) {
            String name = words[1].equalsIgnoreCase("UID") && words.length > 2 ? "UID " + words[2] : words[1];
            counts.merge(name.toUpperCase(Locale.ROOT), 1, Integer::sum);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
