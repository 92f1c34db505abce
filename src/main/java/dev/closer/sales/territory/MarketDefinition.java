package dev.closer.sales.territory;

import java.util.List;

/**
 * A target market, normalised: the text as the user wrote it (industries, revenue_range,
 * employee_count_range, geography, target_personas) beside the parsed numbers and canonical
 * industries. Null fields are criteria the market does not set.
 */
public record MarketDefinition(List<String> industries, List<String> canonicalIndustries, String revenueRange,
                               Double revenueMin, Double revenueMax, String employeeCountRange, Double employeeMin,
                               Double employeeMax, String geography, List<String> targetPersonas) {
}
