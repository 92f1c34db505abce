package dev.closer.crm;

/** Account search filters; null means "any". */
public record AccountFilters(String name, String industry, String region) {
}
