package org.osticketgateway.sandbox;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed {@code multipart/form-data} body: text fields and uploaded files. */
record MultipartForm(Map<String, String> fields, List<Upload> files) {

    /** One uploaded file. */
    record Upload(String field, String filename, String contentType, byte[] content) {
    }

    /** Header bytes are UTF-8, as browsers and PHP have them; the MIME parser read them as Latin-1. */
    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    static MultipartForm parse(String contentType, byte[] body) {
        try {
            MimeMultipart multipart = new MimeMultipart(new ByteArrayDataSource(body, contentType));
            Map<String, String> fields = new LinkedHashMap<>();
            List<Upload> files = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String[] disposition = part.getHeader("Content-Disposition");
                String name = disposition == null ? null : new ContentDisposition(disposition[0]).getParameter("name");
                byte[] content = part.getInputStream().readAllBytes();
                if (part.getFileName() != null) {
                    files.add(new Upload(name, utf8(part.getFileName()), part.getContentType(), content));
                } else if (name != null) {
                    fields.put(name, new String(content, StandardCharsets.UTF_8));
                }
            }
            return new MultipartForm(fields, files);
        } catch (MessagingException | IOException e) {
            throw SandboxError.badRequest("Malformed multipart body: " + e.getMessage());
        }
    }
}
