package org.osticketgateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.FlagTerm;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The ceiling for mail: the shortest JavaMail loop that does the same work — fetch unseen mail over
 * IMAP, post each as a ticket (its attachment as a file), move it to the archive.
 */
final class PlainMailLoop {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlainMailLoop() {
    }

    static void run(int imapPort, String user, String password, PlainHttpClient http, int mails) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.partialfetch", "false");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", imapPort, user, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Folder archive = store.getFolder("Archive");
            if (!archive.exists()) {
                archive.create(Folder.HOLDS_MESSAGES);
            }
            int done = 0;
            while (done < mails) {
                for (Message message : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    post(message, http);
                    inbox.copyMessages(new Message[] {message}, archive);
                    message.setFlag(Flags.Flag.DELETED, true);
                    done++;
                }
                inbox.expunge();
            }
            inbox.close(true);
        } finally {
            store.close();
        }
    }

    private static void post(Message message, PlainHttpClient http) throws Exception {
        InternetAddress from = (InternetAddress) message.getFrom()[0];
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", from.getPersonal() == null ? from.getAddress() : from.getPersonal());
        fields.put("email", from.getAddress());
        fields.put("subject", message.getSubject());
        fields.put("source", "Email");
        Object content = message.getContent();
        if (content instanceof Multipart parts) {
            String fileName = null;
            byte[] file = null;
            for (int i = 0; i < parts.getCount(); i++) {
                Part part = parts.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                    fileName = part.getFileName();
                    file = part.getInputStream().readAllBytes();
                } else {
                    fields.put("message", String.valueOf(part.getContent()));
                }
            }
            http.createMultipart(fields, fileName, file);
        } else {
            fields.put("message", String.valueOf(content));
            http.createJson(JSON.writeValueAsString(fields));
        }
    }
}
