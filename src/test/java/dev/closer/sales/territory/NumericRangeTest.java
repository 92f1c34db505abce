package dev.closer.sales.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NumericRangeTest {

    @ParameterizedTest
    @CsvSource({
        "10M-100M, 1e7, 1e8", "$10-50M, 1e7, 5e7", "10-50M, 1e7, 5e7", "500K-2M, 5e5, 2e6", "50-500, 50, 500",
        "'$1,000,000 - $5,000,000', 1e6, 5e6", "1.5M-3M, 1.5e6, 3e6", "10m to 20m, 1e7, 2e7", "<10M, 0, 1e7"})
    void reads_closed_ranges_the_way_sales_people_write_them(String text, double min, double max) {
        NumericRange r = NumericRange.parse(text);
        assertEquals(min, r.min());
        assertEquals(max, r.max());
    }

    @ParameterizedTest
    @CsvSource({"100M+, 1e8", "1B+, 1e9", "1000+, 1000", "over 5M, 5e6"})
    void reads_open_ended_ranges(String text, double min) {
        NumericRange r = NumericRange.parse(text);
        assertEquals(min, r.min());
        assertNull(r.max());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "10M-", "-5M", "50-10", "ten to twenty"})
    void refuses_text_that_is_not_a_range(String text) {
        assertThrows(IllegalArgumentException.class, () -> NumericRange.parse(text));
    }

    @Test
    void fit_is_one_inside_and_falls_with_orders_of_magnitude_outside() {
        NumericRange r = NumericRange.parse("10M-50M");
        assertEquals(1.0, r.fit(1e7));
        assertEquals(1.0, r.fit(5e7));
        assertEquals(0.699, r.fit(1e8), 0.001);
        assertEquals(0.0, r.fit(5e8), 1e-9);
        assertEquals(0.699, r.fit(5e6), 0.001);
        assertTrue(NumericRange.parse("100M+").fit(1e12) == 1.0);
    }
}
