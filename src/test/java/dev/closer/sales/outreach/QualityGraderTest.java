package dev.closer.sales.outreach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QualityGraderTest {

    private final QualityGrader grader = new QualityGrader();
    private static final QualityGrader.Context SARAH = new QualityGrader.Context("Sarah Johnson", "Acme", "VP Sales", null, null);

    private static String words(int n) {
        StringBuilder sb = new StringBuilder("Hi Sarah, Acme is growing. ");
        for (int i = 0; i < n - 12; i++) {
            sb.append("word ");
        }
        return sb.append("Would you be open to a call?").toString();
    }

    private List<String> types(QualityReport r) {
        return r.issues().stream().map(QualityReport.Issue::type).toList();
    }

    @Test
    void an_email_of_300_words_is_fine_and_301_is_too_long() {
        assertEquals(300, QualityGrader.count(words(300)).words);
        assertFalse(types(grader.assess("Idea for Acme", words(300), "email", SARAH)).contains("too_long"));
        var r = grader.assess("Idea for Acme", words(301), "email", SARAH);
        assertTrue(types(r).contains("too_long"));
        assertEquals("medium", r.issues().get(0).severity());
        assertEquals("high", grader.assess("Idea for Acme", words(401), "email", SARAH).issues().get(0).severity());
    }

    @ParameterizedTest
    @CsvSource({"0.9, A", "0.899, B+", "0.8, B+", "0.7, B", "0.6, C", "0.5, D", "0.499, F"})
    void grades_change_exactly_at_their_thresholds(double score, String grade) {
        assertEquals(grade, QualityGrader.grade(score));
    }

    @Test
    void a_question_late_in_the_message_counts_as_an_ask_and_none_is_an_issue() {
        assertTrue(grader.assess("x", "Hi Sarah at Acme, congrats on the round. Free Tuesday?", "email", SARAH).metrics().hasCallToAction());
        var none = grader.assess("x", "Hi Sarah at Acme. We build software. It is good.", "email", SARAH);
        assertTrue(types(none).contains("no_call_to_action"));
    }

    @Test
    void leftover_variables_generic_openings_and_shouting_are_flagged() {
        var r = grader.assess("ACT NOW", "I hope this email finds you well {{name}}. BUY OUR GREAT PRODUCT!!! Let me know?",
                "email", SARAH);
        assertTrue(types(r).containsAll(List.of("unfilled_variables", "generic_opening", "spam_words", "weak_subject")), types(r).toString());
    }

    @Test
    void sms_length_is_counted_in_characters() {
        var r = grader.assess(null, "Hi Sarah from Acme, ".repeat(10) + "free for a call?", "sms", SARAH);
        assertTrue(r.issues().get(0).description().contains("characters, should be <160"));
    }

    @Test
    void template_syntax_errors_name_the_position() {
        var e = assertThrows(TemplateSyntax.Invalid.class, () -> TemplateSyntax.variables("/template/body", "Hi }} there"));
        assertTrue(e.getMessage().contains("position 3"));
        assertThrows(TemplateSyntax.Invalid.class, () -> TemplateSyntax.variables("/template/body", "Hi {{ }}"));
        assertThrows(TemplateSyntax.Invalid.class, () -> TemplateSyntax.variables("/template/body", "Hi {{first name}}"));
        assertEquals(List.of("a", "b"), TemplateSyntax.variables("/t", "{{a}} {{ b }} {{a}}"));
        assertEquals("x 1 {{c}}", TemplateSyntax.fill("x {{a}} {{c}}", Map.of("a", "1")));
    }
}
