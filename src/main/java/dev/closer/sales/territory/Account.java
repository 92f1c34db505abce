package dev.closer.sales.territory;

/** The fields of an account the ICP scorer reads; null = not given. */
public record Account(String name, String industry, Double revenue, Double employees, String geography) {
}
