package dev.closer.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.closer.tool.Resources;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Profiles load as written, and a key Closer does not know stops start-up instead of being ignored. */
class ProfileCatalogTest {

    private static IllegalStateException refused(String yaml) {
        return assertThrows(IllegalStateException.class, () -> ProfileCatalog.parse(Map.of("sales.yaml", yaml), null));
    }

    @Test
    void the_shipped_profiles_load() {
        ProfileCatalog shipped = ProfileCatalog.parse(Resources.readDirectory(java.nio.file.Path.of("profiles"), ".yaml"), null);
        assertEquals(java.util.Set.of("sales", "readonly"), shipped.names());
        assertTrue(shipped.find("readonly").orElseThrow().readOnly());
    }

    @Test
    void a_misspelt_guard_is_refused_with_the_right_spelling() {
        var e = refused("name: sales\ntools: \"*\"\nbudget: {ceiling: 10}\ncrm_writes: true\n");
        assertTrue(e.getMessage().contains("unknown key 'crm_writes'; write it as crm: {writes: ...}"), e.getMessage());
    }

    @Test
    void an_unknown_key_in_a_section_names_the_sections_keys() {
        var e = refused("name: sales\ntools: \"*\"\nbudget: {ceiling: 10, windw: hour}\n");
        assertTrue(e.getMessage().contains("unknown key 'budget.windw'; the keys of budget are ceiling, window"), e.getMessage());
        var crm = refused("name: sales\ntools: \"*\"\nbudget: {ceiling: 10}\ncrm: {vendor: hubspot, write: true}\n");
        assertTrue(crm.getMessage().contains("'crm.write'") && crm.getMessage().contains("writes"), crm.getMessage());
    }

    @Test
    void a_profile_that_is_not_a_mapping_is_refused() {
        var e = refused("- name: sales\n");
        assertTrue(e.getMessage().contains("must be a YAML mapping"), e.getMessage());
    }
}
