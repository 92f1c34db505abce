package dev.closer.sales.qualification;

import java.util.Map;

/**
 * What to qualify: a framework, the criteria as given (booleans, numbers or free text), and the
 * bar — an explicit {@code threshold}, else the {@code stage}'s, else 0.7.
 */
public record QualificationRequest(String framework, Map<String, Object> criteria, Double threshold, String stage) {
}
