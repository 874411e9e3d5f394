package org.osticketgateway.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;
import java.util.Locale;

/**
 * A base64 part checked as RFC 2045 writes it: the base64 alphabet only (line breaks and blanks
 * between), padding only at the end. The mail API's decoder skips whatever is not base64 and decodes
 * the rest into garbage — a ticket full of it; the JDK's decoder refuses such a part.
 */
final class StrictBase64 {

    private StrictBase64() {
    }

    /** Throws {@link UnreadableMailException} when the part says base64 and its text is not. */
    static void check(Part part) throws MessagingException {
        InputStream raw;
        if (part instanceof MimeBodyPart body && isBase64(body.getEncoding())) {
            raw = body.getRawInputStream();
        } else if (part instanceof MimeMessage message && isBase64(message.getEncoding())) {
            raw = message.getRawInputStream();
        } else {
            return;
        }
        try (InputStream decoded = Base64.getDecoder().wrap(new BlanksDropped(raw))) {
            decoded.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableMailException("a " + part.getContentType().split(";")[0].trim()
                    + " part cannot be decoded: its base64 is broken (" + e.getMessage() + ")", e);
        }
    }

    private static boolean isBase64(String encoding) {
        return encoding != null && encoding.trim().toLowerCase(Locale.ROOT).equals("base64");
    }

    /** The encoded text without the line breaks and blanks base64 in mail is wrapped with. */
    private static final class BlanksDropped extends FilterInputStream {

        BlanksDropped(InputStream in) {
            super(in);
        }

        private static boolean blank(int b) {
            return b == '\r' || b == '\n' || b == ' ' || b == '\t';
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            while (blank(b)) {
                b = in.read();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            while (n > 0) {
                int kept = 0;
                for (int i = offset; i < offset + n; i++) {
                    if (!blank(buffer[i])) {
                        buffer[offset + kept++] = buffer[i];
                    }
                }
                if (kept > 0) {
                    return kept;
                }
                n = in.read(buffer, offset, length);
            }
            return n;
        }
    }
}
