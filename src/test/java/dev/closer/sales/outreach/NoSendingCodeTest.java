package dev.closer.sales.outreach;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No-auto-send is structural: the build fails if any compiled class of Closer refers to a mail
 * API, SMTP, or a vendor's send endpoint, or if a tool schema describes a sending tool. (An
 * equivalent of an ArchUnit rule: it reads the class files' constant pools, where every type,
 * method and string a class uses is named.)
 */
class NoSendingCodeTest {

    private static final List<String> FORBIDDEN = List.of("javax/mail", "jakarta/mail", "org/simplejavamail",
            "org/apache/commons/mail", "com/sendgrid", "com/mailgun", "com/postmarkapp", "smtp", "/mail/send",
            "/messages/send", "/emails/send", "sendemail", "send_email", "sendmessage", "/v3/marketing/emails",
            "/crm/v3/objects/emails", "/api/v2/mailbox", "/services/data/v66.0/actions/standard/emailsimple");

    @Test
    void no_class_refers_to_a_mail_api_or_a_vendor_send_endpoint() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> classes = Files.walk(Path.of("target/classes"))) {
            for (Path p : (Iterable<Path>) classes.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String pool = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                for (String f : FORBIDDEN) {
                    if (pool.contains(f)) {
                        offenders.add(p + " refers to " + f);
                    }
                }
            }
        }
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
    }

    @Test
    void no_tool_schema_offers_sending() throws IOException {
        try (Stream<Path> schemas = Files.list(Path.of("tool-schemas"))) {
            for (Path p : (Iterable<Path>) schemas::iterator) {
                String name = p.getFileName().toString();
                assertTrue(!name.matches(".*(send|deliver|dispatch).*"), name + " looks like a sending tool");
            }
        }
    }

    @Test
    void the_drafts_table_cannot_hold_a_sent_status() throws IOException {
        String sql = Files.readString(Path.of("src/main/resources/db/migrations/V020__outreach.sql"));
        assertTrue(sql.contains("CHECK (status IN ('draft', 'approved', 'rejected'))"));
    }
}
