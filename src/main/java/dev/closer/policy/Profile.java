package dev.closer.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One profile: which tools its callers may use, its budget, CRM settings and redaction additions.
 * Loaded from {@code profiles/<name>.yaml}.
 */
public record Profile(String name, String description, Set<String> tools, boolean readOnly, long budgetCeiling,
                      BudgetWindow window, Map<String, Long> costOverrides, CrmSettings crm,
                      List<String> redactKeys, List<String> redactValues, long unitsPer1kTokens) {

    public Profile {
        tools = Set.copyOf(tools);
        costOverrides = Map.copyOf(costOverrides);
        redactKeys = List.copyOf(redactKeys);
        redactValues = List.copyOf(redactValues);
    }

    public boolean listsTool(String tool) {
        return tools.contains("*") || tools.contains(tool);
    }
}
