package dev.closer.sales.qualification;

/** How strong the evidence for one criterion is (0..1), what it was, and what is missing. */
public record Evidence(double strength, String evidence, String gap) {
}
