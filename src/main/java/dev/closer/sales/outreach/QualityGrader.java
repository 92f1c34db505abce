package dev.closer.sales.outreach;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Grades an outreach message by fixed rules (also in the tool's description). Start at 1.0 and
 * subtract per issue: high 0.25, medium 0.12, low 0.05 (floored at 0). Grades: ≥ 0.90 A, ≥ 0.80
 * B+, ≥ 0.70 B, ≥ 0.60 C, ≥ 0.50 D, else F. One pass over the text counts words, sentences,
 * syllables, questions and shouting; phrase checks run on one lower-cased copy.
 */
public final class QualityGrader {

    /** Per channel: ideal maximum words (email, linkedin, call_script) or characters (sms), and minimum words. */
    private static final int EMAIL_MAX_WORDS = 300;
    private static final int EMAIL_MIN_WORDS = 40;
    private static final int LINKEDIN_MAX_WORDS = 150;
    private static final int CALL_SCRIPT_MAX_WORDS = 250;
    private static final int SMS_MAX_CHARS = 160;
    private static final int SUBJECT_MAX = 60;

    private static final String[] CTA = {"would you be open", "are you open", "open to a", "would you like", "let me know",
        "can we ", "could we", "shall we", "are you free", "do you have time", "have 15", "book a", "schedule",
        "15-minute", "15 minute", "20-minute", "quick call", "worth a chat", "reply", "calendar", "would tuesday",
        "does tuesday", "work for a", "set up a", "hop on"};
    private static final String[] GENERIC_OPENINGS = {"i hope this email finds you well", "i hope this finds you well",
        "to whom it may concern", "dear sir", "dear madam", "dear sir/madam", "i am writing to", "my name is",
        "i wanted to reach out", "just checking in", "i hope you are doing well", "i hope you're doing well"};
    private static final String[] SPAM = {"act now", "limited time", "guaranteed", "risk-free", "risk free", "100% free",
        "click here", "buy now", "urgent", "don't miss out", "once in a lifetime", "no obligation", "winner", "cash"};

    public record Context(String recipientName, String company, String title, String industry, Double knownPersonalization) {
    }

    public QualityReport assess(String subject, String body, String channel, Context ctx) {
        String ch = channel == null ? "email" : channel;
        String text = body == null ? "" : body;
        String lower = text.toLowerCase(Locale.ROOT);
        Counts c = count(text);
        List<QualityReport.Issue> issues = new ArrayList<>();
        length(ch, c, text.length(), issues);
        boolean cta = hasCallToAction(lower, text);
        if (!cta) {
            issues.add(new QualityReport.Issue("no_call_to_action", "high", "No clear call to action",
                    "End with one specific, easy ask, e.g. 'Would you be open to a 15-minute call next week?'"));
        }
        double personalization = ctx.knownPersonalization() != null ? ctx.knownPersonalization() : personalization(lower, c, ctx);
        if (personalization < 0.5) {
            issues.add(new QualityReport.Issue("low_personalization", personalization < 0.3 ? "high" : "medium",
                    "Low personalization score (" + round1(personalization) + ")",
                    "Mention the recipient by name, their company and something specific to them"));
        }
        if (text.contains("{{") || (subject != null && subject.contains("{{"))) {
            issues.add(new QualityReport.Issue("unfilled_variables", "high", "Template variables left unfilled ({{...}})",
                    "Provide the missing values in personalization or the recipient context, or remove them"));
        }
        for (String g : GENERIC_OPENINGS) {
            int at = lower.indexOf(g);
            if (at >= 0 && at < 120) {
                issues.add(new QualityReport.Issue("generic_opening", "medium", "Generic opening (\"" + g + "\")",
                        "Open with something about the recipient: a trigger, their role, their company's news"));
                break;
            }
        }
        spam(lower, c, issues, "body");
        if (c.questions > 2) {
            issues.add(new QualityReport.Issue("too_many_asks", c.questions > 4 ? "medium" : "low",
                    "Too many questions or asks (" + c.questions + ")", "Keep to one clear ask"));
        }
        Integer subjectLength = null;
        if (ch.equals("email")) {
            subjectLength = subject == null ? 0 : subject.strip().length();
            subject(subject, issues);
        }
        double score = 1.0;
        for (QualityReport.Issue i : issues) {
            score -= penalty(i.severity());
        }
        score = Math.max(0, Math.round(score * 1000) / 1000.0);
        double reading = c.words == 0 ? 0 : Math.round((0.39 * c.words / Math.max(1, c.sentences)
                + 11.8 * c.syllables / (double) c.words - 15.59) * 10) / 10.0;
        return new QualityReport(score, grade(score), issues, new QualityReport.Metrics(c.words, c.sentences, reading,
                round2(personalization), cta, c.questions, subjectLength, ch));
    }

    static String grade(double score) {
        if (score >= 0.9) {
            return "A";
        }
        if (score >= 0.8) {
            return "B+";
        }
        if (score >= 0.7) {
            return "B";
        }
        if (score >= 0.6) {
            return "C";
        }
        return score >= 0.5 ? "D" : "F";
    }

    private static double penalty(String severity) {
        return switch (severity) {
            case "high" -> 0.25;
            case "medium" -> 0.12;
            default -> 0.05;
        };
    }

    private static void length(String ch, Counts c, int chars, List<QualityReport.Issue> issues) {
        int max = switch (ch) {
            case "linkedin" -> LINKEDIN_MAX_WORDS;
            case "call_script" -> CALL_SCRIPT_MAX_WORDS;
            case "sms" -> -1;
            default -> EMAIL_MAX_WORDS;
        };
        if (max < 0) {
            if (chars > SMS_MAX_CHARS) {
                issues.add(new QualityReport.Issue("too_long", chars > 2 * SMS_MAX_CHARS ? "high" : "medium",
                        "Message is too long (" + chars + " characters, should be <" + SMS_MAX_CHARS + ")",
                        "Cut it to one sentence and one ask"));
            }
            return;
        }
        if (c.words > max) {
            issues.add(new QualityReport.Issue("too_long", c.words > max * 4 / 3 ? "high" : "medium",
                    "Message is too long (" + c.words + " words, should be <" + max + ")",
                    "Cut to the trigger, the value and one ask"));
        } else if (ch.equals("email") && c.words < EMAIL_MIN_WORDS) {
            issues.add(new QualityReport.Issue("too_short", "low", "Message is very short (" + c.words + " words)",
                    "Add one line of context on why you are writing to this person"));
        }
    }

    private static boolean hasCallToAction(String lower, String text) {
        for (String p : CTA) {
            if (lower.contains(p)) {
                return true;
            }
        }
        int q = text.lastIndexOf('?');
        return q >= 0 && q >= text.length() * 0.5;
    }

    private static double personalization(String lower, Counts c, Context ctx) {
        double s = 0;
        if (mentions(lower, ctx.recipientName()) || mentions(lower, firstName(ctx.recipientName()))) {
            s += 0.4;
        }
        if (mentions(lower, ctx.company())) {
            s += 0.3;
        }
        if (mentions(lower, ctx.title()) || mentions(lower, ctx.industry())) {
            s += 0.15;
        }
        if (c.secondPerson >= 2) {
            s += 0.15;
        }
        return Math.min(1.0, s);
    }

    private static boolean mentions(String lower, String what) {
        return what != null && what.length() >= 2 && lower.contains(what.toLowerCase(Locale.ROOT));
    }

    static String firstName(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip();
        int sp = n.indexOf(' ');
        return sp > 0 ? n.substring(0, sp) : n;
    }

    private static void spam(String lower, Counts c, List<QualityReport.Issue> issues, String where) {
        for (String s : SPAM) {
            if (lower.contains(s)) {
                issues.add(new QualityReport.Issue("spam_words", "medium", "Spammy or pushy wording (\"" + s + "\") in the " + where,
                        "Say it plainly; pressure and hype get messages filtered and ignored"));
                return;
            }
        }
        if (c.shouting >= 3 || c.exclamations >= 3) {
            issues.add(new QualityReport.Issue("spam_words", "medium", "Shouting (capitals or exclamation marks) in the " + where,
                    "Drop the capitals and exclamation marks"));
        }
    }

    private static void subject(String subject, List<QualityReport.Issue> issues) {
        String s = subject == null ? "" : subject.strip();
        if (s.isEmpty()) {
            issues.add(new QualityReport.Issue("weak_subject", "medium", "No subject line", "Add a short, specific subject"));
            return;
        }
        if (s.length() > SUBJECT_MAX) {
            issues.add(new QualityReport.Issue("long_subject", "low", "Subject is too long (" + s.length()
                    + " characters, should be <" + SUBJECT_MAX + ")", "Keep the subject under 60 characters"));
        } else if (s.length() < 4) {
            issues.add(new QualityReport.Issue("weak_subject", "low", "Subject is too short to say anything", "Name the value or the trigger"));
        }
        Counts sc = count(s);
        if (sc.words > 1 && s.equals(s.toUpperCase(Locale.ROOT)) && s.chars().anyMatch(Character::isLetter)) {
            issues.add(new QualityReport.Issue("weak_subject", "medium", "Subject is all capitals", "Write it in sentence case"));
        } else {
            String lower = s.toLowerCase(Locale.ROOT);
            for (String sp : SPAM) {
                if (lower.contains(sp)) {
                    issues.add(new QualityReport.Issue("weak_subject", "medium", "Spammy subject (\"" + sp + "\")",
                            "Name a concrete benefit instead"));
                    break;
                }
            }
        }
    }

    /** What one pass over the text counts. */
    static final class Counts {
        int words;
        int sentences;
        int syllables;
        int questions;
        int exclamations;
        int shouting;
        int secondPerson;
    }

    static Counts count(String t) {
        Counts c = new Counts();
        int n = t.length();
        int i = 0;
        boolean sentenceOpen = false;
        while (i < n) {
            char ch = t.charAt(i);
            if (Character.isLetterOrDigit(ch)) {
                int start = i;
                int upper = 0;
                int letters = 0;
                int syll = 0;
                boolean prevVowel = false;
                while (i < n && (Character.isLetterOrDigit(t.charAt(i)) || t.charAt(i) == '\'')) {
                    char w = t.charAt(i);
                    if (Character.isLetter(w)) {
                        letters++;
                        if (Character.isUpperCase(w)) {
                            upper++;
                        }
                        boolean vowel = "aeiouyAEIOUY".indexOf(w) >= 0;
                        if (vowel && !prevVowel) {
                            syll++;
                        }
                        prevVowel = vowel;
                    }
                    i++;
                }
                int len = i - start;
                c.words++;
                c.syllables += Math.max(1, syll);
                if (letters >= 3 && upper == letters) {
                    c.shouting++;
                }
                if ((len == 3 && t.regionMatches(true, start, "you", 0, 3)) || (len == 4 && t.regionMatches(true, start, "your", 0, 4))) {
                    c.secondPerson++;
                }
                sentenceOpen = true;
                continue;
            }
            if (ch == '?' || ch == '!' || ch == '.') {
                if (ch == '?') {
                    c.questions++;
                } else if (ch == '!') {
                    c.exclamations++;
                }
                if (sentenceOpen && (i + 1 == n || Character.isWhitespace(t.charAt(i + 1)))) {
                    c.sentences++;
                    sentenceOpen = false;
                }
            }
            i++;
        }
        if (sentenceOpen) {
            c.sentences++;
        }
        return c;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
