package org.osticketgateway.mail;

import static org.awaitility.Awaitility.await;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osticketgateway.GatewayTestRun;
import org.osticketgateway.tls.AddedTrust;

/**
 * A private Dovecot (Debian's {@code dovecot-imapd}, installed by {@code .ci/run}) for one test
 * class: its own configuration, runtime directory, users (passwd-file) and Maildirs under a
 * directory of its own, IMAP and IMAPS on free loopback ports, its certificate signed by a
 * {@link TestCertificates} CA the JVM does not trust. Its log records logins, failed ones included,
 * and every change to a mail (the mail_log plugin). Runs as root, as Dovecot's master must; mail is
 * stored as the {@code dovecot} user.
 */
public final class DovecotServer implements AutoCloseable {

    private static final Path DOVECOT = Path.of("/usr/sbin/dovecot");

    private final Path dir;
    private final TestCertificates certificates;
    private final int imapPort;
    private final int imapsPort;
    private final Map<String, String> users;

    private DovecotServer(Path dir, TestCertificates certificates, int imapPort, int imapsPort,
                          Map<String, String> users) {
        this.dir = dir;
        this.certificates = certificates;
        this.imapPort = imapPort;
        this.imapsPort = imapsPort;
        this.users = users;
    }

    /** Starts a Dovecot with these users: name, password, name, password… */
    public static DovecotServer start(String... userPasswords) throws Exception {
        return start("", userPasswords);
    }

    /**
     * Starts a Dovecot that announces, once logged in, these capabilities instead of its own
     * ({@code imap_capability}; empty: its own).
     */
    public static DovecotServer withCapabilities(String capabilities, String... userPasswords) throws Exception {
        return start("imap_capability = " + capabilities + "\n", userPasswords);
    }

    private static DovecotServer start(String extraConfiguration, String... userPasswords) throws Exception {
        if (!Files.isExecutable(DOVECOT)) {
            throw new IllegalStateException("Dovecot is not installed: apt-get install -y dovecot-imapd (.ci/run does)");
        }
        // Dovecot's processes run as users of their own: the directory must be theirs to enter.
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "dovecot-test-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        TestCertificates certificates = TestCertificates.create(dir.resolve("tls"));
        Map<String, String> users = new LinkedHashMap<>();
        for (int i = 0; i < userPasswords.length; i += 2) {
            users.put(userPasswords[i], userPasswords[i + 1]);
        }
        DovecotServer server = new DovecotServer(dir, certificates, GatewayTestRun.freePort(),
                GatewayTestRun.freePort(), users);
        server.writeConfiguration(extraConfiguration);
        server.run(DOVECOT.toString(), "-c", server.configuration().toString());
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            try (Socket imap = new Socket("127.0.0.1", server.imapPort);
                 Socket imaps = new Socket("127.0.0.1", server.imapsPort)) {
                return true;
            }
        });
        return server;
    }

    private Path configuration() {
        return dir.resolve("dovecot.conf");
    }

    private void writeConfiguration(String extra) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(dir.resolve("state"));
        Files.createDirectories(dir.resolve("home"));
        writeUsers();
        Files.writeString(configuration(), """
                base_dir = %1$s/run
                state_dir = %1$s/state
                instance_name = gateway-test-%2$d
                log_path = %1$s/dovecot.log
                protocols = imap
                listen = 127.0.0.1
                ssl = yes
                ssl_cert = <%3$s
                ssl_key = <%4$s
                disable_plaintext_auth = no
                auth_mechanisms = plain login
                auth_verbose = yes
                first_valid_uid = 1
                mail_location = maildir:%1$s/home/%%u/Maildir
                mail_plugins = $mail_plugins mail_log notify
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%%u %1$s/passwd
                }
                userdb {
                  driver = static
                  args = uid=dovecot gid=dovecot home=%1$s/home/%%u
                }
                service imap-login {
                  inet_listener imap {
                    address = 127.0.0.1
                    port = %2$d
                  }
                  inet_listener imaps {
                    address = 127.0.0.1
                    port = %5$d
                    ssl = yes
                  }
                }
                plugin {
                  mail_log_events = delete undelete expunge copy mailbox_delete mailbox_rename flag_change save
                  mail_log_fields = uid box msgid flags
                }
                """.formatted(dir, imapPort, certificates.serverCertificate(), certificates.serverKey(), imapsPort)
                + extra);
        run("chown", "-R", "dovecot:dovecot", dir.resolve("home").toString());
    }

    private void writeUsers() throws IOException {
        StringBuilder passwd = new StringBuilder();
        users.forEach((user, password) -> passwd.append(user).append(":{PLAIN}").append(password).append("::::::\n"));
        // Dovecot reads the file again when it changes.
        Path temporary = dir.resolve("passwd.new");
        Files.writeString(temporary, passwd);
        Files.move(temporary, dir.resolve("passwd"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Changes a user's password, as an administrator of the server would. */
    public void setPassword(String user, String password) throws IOException {
        users.put(user, password);
        writeUsers();
    }

    /** Runs a command to its end; its output goes to a file (Dovecot's daemon keeps a pipe open for ever). */
    private void run(String... command) throws IOException, InterruptedException {
        Path output = dir.resolve("command.out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(output));
        }
    }

    public int imapPort() {
        return imapPort;
    }

    public int imapsPort() {
        return imapsPort;
    }

    public TestCertificates certificates() {
        return certificates;
    }

    /**
     * The gateway's settings for mailbox {@code name}: user {@code user} over IMAPS, trusting the test
     * CA, polled every 200 ms, then {@code more}: key, value, key, value…
     */
    public String[] gatewaySettings(String name, String user, String... more) {
        String p = "mail." + name + ".";
        List<String> settings = new ArrayList<>(List.of("mail.mailboxes", name,
                p + "protocol", "imaps", p + "host", "127.0.0.1", p + "port", String.valueOf(imapsPort),
                p + "username", user, p + "password", users.get(user),
                p + "trust-pem", certificates.caCertificate().toString(), p + "poll-delay", "200"));
        settings.addAll(List.of(more));
        return settings.toArray(String[]::new);
    }

    /** Everything Dovecot logged so far. */
    public String log() throws IOException {
        Path log = dir.resolve("dovecot.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** The lines of Dovecot's log that contain {@code text}. */
    public List<String> logLines(String text) throws IOException {
        return log().lines().filter(l -> l.contains(text)).toList();
    }

    /**
     * Failed logins of a user: the attempts Dovecot counted on each connection that ended in
     * "auth failed, N attempts".
     */
    public int authFailures(String user) throws IOException {
        Pattern failed = Pattern.compile("auth failed, (\\d+) attempts? in .*user=<" + Pattern.quote(user) + ">");
        int attempts = 0;
        for (String line : log().lines().toList()) {
            Matcher matcher = failed.matcher(line);
            if (matcher.find()) {
                attempts += Integer.parseInt(matcher.group(1));
            }
        }
        return attempts;
    }

    /** A store of another client of the mailbox, over IMAPS trusting the test CA; connected. */
    public Store client(String user) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imaps.ssl.socketFactory",
                AddedTrust.configured("test.", certificates.caCertificate().toString(), null, null)
                        .sslContext().getSocketFactory());
        Store store = Session.getInstance(properties).getStore("imaps");
        store.connect("127.0.0.1", imapsPort, user, users.get(user));
        return store;
    }

    /** Puts mails into a user's folder, as a mail server's delivery would; flags as given. */
    public void append(String user, String folder, Flags flags, Message... mails) throws Exception {
        try (Store store = client(user)) {
            Folder target = store.getFolder(folder);
            if (!target.exists()) {
                target.create(Folder.HOLDS_MESSAGES);
            }
            for (Message mail : mails) {
                mail.setFlags(flags, true);
            }
            target.appendMessages(mails);
        }
    }

    /** The subjects in a user's folder with whether each is flagged deleted ("subject [deleted]"). */
    public List<String> subjects(String user, String folder) throws Exception {
        try (Store store = client(user)) {
            Folder box = store.getFolder(folder);
            if (!box.exists()) {
                return List.of();
            }
            box.open(Folder.READ_ONLY);
            try {
                List<String> subjects = new ArrayList<>();
                for (Message mail : box.getMessages()) {
                    subjects.add(mail.getSubject() + (mail.isSet(Flags.Flag.DELETED) ? " [deleted]" : ""));
                }
                return subjects;
            } finally {
                box.close(false);
            }
        }
    }

    /** Stops Dovecot (its master process, by the id it wrote) and removes its directory. */
    @Override
    public void close() throws Exception {
        Path pid = dir.resolve("run/master.pid");
        if (Files.exists(pid)) {
            long master = Long.parseLong(Files.readString(pid).trim());
            ProcessHandle.of(master).ifPresent(p -> {
                p.destroy();
                p.onExit().join();
            });
        }
        run("rm", "-rf", dir.toString());
    }
}
